import Document
import Foundation
import Layout

/// Draws a PDF on its own thread while the document is still being laid out: layout hands over each
/// page as it becomes final (`DocumentLayouter.layout(_:finished:)`), and cairo draws it on the
/// other core. Drawing took as long as layout, one after the other.
///
/// The bytes are those `PDFWriter` writes from the whole document. Where a page needs what only
/// the whole document gives, drawing stops and `finish` hands the document to `PDFWriter`: a glyph
/// outside its face's common subset (the subset of the document's own holds all such glyphs), or a
/// link (its destination may lie on a page not yet laid out).
public final class PDFPageStream: @unchecked Sendable {
    private let fonts: FontLibrary
    private let url: URL
    private let file: FileReplacement
    private let queue = PageQueue()
    private let drawing: DrawingThread
    /// The faces met so far and the pages handed over (the caller's thread only).
    private var faces: [FaceID: LoadedFace] = [:]
    private var facesSent: Set<ObjectIdentifier> = []
    private var pagesAdded = 0
    private var ended = false

    /// Starts the drawing thread for a PDF at `url` with `metadata`. `fonts` stays with the calling
    /// thread, the one that lays the document out: it alone calls `add` and `finish`.
    public init(fonts: FontLibrary, metadata: Metadata, to url: URL) throws {
        let date = try PDFDate.iso8601(metadata.creationDate)
        self.fonts = fonts
        self.url = url
        file = FileReplacement(target: url)
        drawing = DrawingThread(queue: queue, path: file.temporary.path, target: url.path, metadata: metadata, date: date)
        drawing.start()
    }

    deinit {
        if !ended { cancel() }
    }

    /// Hands over the document's next page, with the faces it draws with that the drawing thread
    /// has not had yet (found here: the font library belongs to this thread).
    public func add(_ page: PageFrame) throws {
        try PageSize.validate(page, number: pagesAdded)
        pagesAdded += 1
        var newFaces: [NewFace] = []
        for case .text(let run) in page.items where faces[run.face] == nil {
            let face = try fonts.face(for: run.face)
            faces[run.face] = face
            let featureSets = facesSent.insert(ObjectIdentifier(face)).inserted ? fonts.featureSets(drawnWith: face) : nil
            newFaces.append(NewFace(id: run.face, face: face, featureSets: featureSets))
        }
        queue.put(.page(page, newFaces))
    }

    /// How the PDF came to be written.
    public enum Ending: Equatable, Sendable {
        /// Page by page, alongside layout.
        case drawnAlongside
        /// By `PDFWriter` from the whole document, after layout.
        case writtenWhole
    }

    /// Waits for the last page to be drawn and puts the PDF in place; or writes the whole
    /// `document` with `PDFWriter` when drawing page by page stopped short (see the type's note).
    @discardableResult
    public func finish(_ document: LaidOutDocument, after prefetch: GlyphPrefetch? = nil) throws -> Ending {
        ended = true
        queue.put(.end(document.outline))
        switch drawing.outcome() {
        case .written:
            try file.commit()
            return .drawnAlongside
        case .failed(let error):
            file.discard()
            throw error
        case .needsWholeDocument:
            file.discard()
            try PDFWriter(fonts: fonts).write(document, to: url, after: prefetch)
            return .writtenWhole
        }
    }

    /// Stops drawing and removes the unfinished file (layout failed).
    public func cancel() {
        ended = true
        queue.put(.cancel)
        _ = drawing.outcome()
        file.discard()
    }
}

/// A face first met on a page: the run's face id, the face, and its roles' feature sets the first
/// time the face itself is sent (one face may draw several ids).
private struct NewFace: @unchecked Sendable {
    let id: FaceID
    let face: LoadedFace
    let featureSets: [[String]]?
}

/// What the laying-out thread sends the drawing thread.
private enum PageMessage: @unchecked Sendable {
    case page(PageFrame, [NewFace])
    case end([OutlineEntry])
    case cancel
}

/// Pages waiting to be drawn, in order.
private final class PageQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var messages: [PageMessage] = []
    private var head = 0

    func put(_ message: PageMessage) {
        condition.withLock {
            messages.append(message)
            condition.signal()
        }
    }

    func take() -> PageMessage {
        condition.withLock {
            while head == messages.count { condition.wait() }
            defer {
                messages[head] = .cancel // frees the page taken: the drawing thread has it now
                head += 1
            }
            return messages[head]
        }
    }
}

/// The thread that draws: it alone touches the cairo surface, from the first page to `finish`.
private final class DrawingThread: @unchecked Sendable {
    enum Outcome {
        case written
        case failed(Error)
        case needsWholeDocument
    }

    private let queue: PageQueue
    private let path: String
    private let target: String
    private let metadata: Metadata
    private let date: String
    private let done = DispatchSemaphore(value: 0)
    private var result: Outcome?
    private var waited = false

    init(queue: PageQueue, path: String, target: String, metadata: Metadata, date: String) {
        (self.queue, self.path, self.target, self.metadata, self.date) = (queue, path, target, metadata, date)
    }

    func start() {
        let thread = Thread { [self] in
            result = run()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The end of drawing, once the thread has taken `.end` or `.cancel`.
    func outcome() -> Outcome {
        if !waited {
            done.wait()
            waited = true
        }
        return result!
    }

    private func run() -> Outcome {
        var pdf: PDFFile?
        var faces: [FaceID: LoadedFace] = [:]
        let subsets = DocumentFaces()
        var outcome: Outcome?
        while true {
            switch queue.take() {
            case .page(let page, let newFaces):
                guard outcome == nil else { continue }
                for new in newFaces { faces[new.id] = new.face }
                // A link's destination may lie on a page not laid out yet: the whole document writes it.
                guard !page.items.contains(where: \.isLink) else {
                    pdf?.abandon()
                    outcome = .needsWholeDocument
                    continue
                }
                do {
                    for new in newFaces {
                        if let featureSets = new.featureSets { try subsets.add(new.face, featureSets: featureSets) }
                    }
                    if pdf == nil {
                        pdf = try PDFFile(path: path, target: target, firstPage: page, metadata: metadata, date: date,
                                          destinations: LinkDestinations(pages: []))
                    }
                    let known = faces
                    let drawer = FrameDrawer(faces: { try known[$0] ?? DrawingThread.unsent($0) }, pageCount: 0,
                                             drawsLinks: false, subsets: subsets)
                    try pdf!.draw(page, with: drawer)
                } catch is DocumentFaces.UncommonRun {
                    pdf?.abandon()
                    outcome = .needsWholeDocument
                } catch {
                    pdf?.abandon()
                    outcome = .failed(error)
                }
            case .end(let outline):
                if let outcome { return outcome }
                guard let pdf else { return .needsWholeDocument }
                do {
                    try pdf.finish(outline: outline)
                    return .written
                } catch {
                    return .failed(error)
                }
            case .cancel:
                pdf?.abandon()
                return outcome ?? .needsWholeDocument
            }
        }
    }
}

extension DrawingThread {
    static func unsent(_ id: FaceID) throws -> LoadedFace {
        throw RenderError("绘制线程没有收到字体角色“\(id.role.rawValue)”的第 \(id.index + 1) 个字体（内部错误）")
    }
}

private extension FrameItem {
    var isLink: Bool {
        if case .link = self { return true } else { return false }
    }
}
