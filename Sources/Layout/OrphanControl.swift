/// Where a paragraph running over a page foot breaks: never one line alone at the foot (an
/// orphan) nor one line alone at the next page's top (a widow); either reads as a stray line.
public enum OrphanControl {
    /// The lines of a `count`-line paragraph to set on the current page when `fitting` lines fit
    /// there: all that fit, one fewer to give the next page two, or none to move it whole.
    public static func linesOnThisPage(count: Int, fitting: Int) -> Int {
        guard fitting < count else { return count }
        if fitting <= 1 { return count >= 2 ? 0 : fitting }
        if count - fitting == 1 { return fitting - 1 >= 2 ? fitting - 1 : 0 }
        return fitting
    }
}
