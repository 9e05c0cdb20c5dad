using TapiGen.Generator.Diagnostics;

namespace TapiGen.Generator.Model
{
    /// <summary>
    /// Where in a file: the offsets of the text (for editors that select it) and its lines and columns (0-based, the
    /// end exclusive). Positions only, so the core needs no Roslyn type; the generator turns it into a Location.
    /// </summary>
    internal sealed record LocationInfo(string FilePath, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
    {
        /// <summary>The start of a file, for what is about the whole file.</summary>
        public static LocationInfo FileStart(string path) => new LocationInfo(path, 0, 0, 0, 0, 0, 0);

        /// <summary>Columns of one line whose first character is at <paramref name="lineStart"/>.</summary>
        public static LocationInfo InLine(string path, int lineStart, int line, int column, int endColumn)
            => new LocationInfo(path, lineStart + column, endColumn - column, line, column, line, endColumn);

        /// <summary>Columns of one line, where the offsets are not known (a header read as tokens): the offsets are 0.</summary>
        public static LocationInfo AtLine(string path, int line, int column, int endColumn)
            => new LocationInfo(path, 0, 0, line, column, line, endColumn);
    }

    /// <summary>A diagnostic as data: turned into a Roslyn Diagnostic only when reported.</summary>
    /// <param name="Location">
    /// Where in a file, or null for a diagnostic about no file (a bad project-wide property): every manifest it applies
    /// to carries it, and the pipeline reports it once.
    /// </param>
    internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArgs)
    {
        public static DiagnosticInfo Create(DiagnosticKind kind, LocationInfo? location, params string[] args)
            => new DiagnosticInfo(kind.Id, location, args.ToEquatableArray());
    }
}
