/// Results remembered by key up to `capacity` entries, then all forgotten at once: a batch of
/// departments keeps its memory bounded, and a result is recomputed rather than evicted one by one.
/// A failed computation is not remembered. Use from one thread.
public final class BoundedCache<Key: Hashable, Value> {
    public let capacity: Int
    private var entries: [Key: Value] = [:]

    public init(capacity: Int) {
        self.capacity = capacity
    }

    public func value(for key: Key, computing: () throws -> Value) rethrows -> Value {
        if let cached = entries[key] { return cached }
        let value = try computing()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
        return value
    }
}
