using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TapiGen.Generator.Model
{
    /// <summary>A position in a manifest, as plain values, so it can live in cached pipeline output.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
    }

    /// <summary>A diagnostic as data: turned into a <see cref="Diagnostic"/> only when reported.</summary>
    /// <param name="Location">
    /// Where in a file, or null for a diagnostic about no file (a bad project-wide property): every manifest it applies
    /// to carries it, and the pipeline reports it once.
    /// </param>
    internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArgs)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args)
            => new DiagnosticInfo(descriptor.Id, location, args.ToEquatableArray());
    }
}
