import CCairo

/// Turns cairo's error states (a surface or context that stopped working) into RenderErrors.
enum CairoStatus {
    static func check(context: OpaquePointer, doing what: String) throws {
        try check(cairo_status(context), doing: what)
    }

    static func check(surface: OpaquePointer, doing what: String) throws {
        try check(cairo_surface_status(surface), doing: what)
    }

    static func check(_ status: cairo_status_t, doing what: String) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw RenderError.cairo(String(cString: cairo_status_to_string(status)), doing: what)
        }
    }
}
