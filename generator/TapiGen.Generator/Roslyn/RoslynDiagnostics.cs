using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Roslyn
{
    /// <summary>The core's diagnostics as Roslyn's: descriptors (one instance per id), locations and diagnostics.</summary>
    internal static class RoslynDiagnostics
    {
        private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> s_descriptors = new ConcurrentDictionary<string, DiagnosticDescriptor>();

        public static DiagnosticDescriptor Descriptor(DiagnosticKind kind)
            => s_descriptors.GetOrAdd(kind.Id, _ => new DiagnosticDescriptor(
                kind.Id,
                kind.Title,
                kind.MessageFormat,
                kind.Category,
                ToRoslyn(kind.Severity),
                isEnabledByDefault: true,
                helpLinkUri: kind.HelpLinkUri));

        public static Location ToLocation(LocationInfo location)
            => Location.Create(
                location.FilePath,
                new TextSpan(location.Start, location.Length),
                new LinePositionSpan(new LinePosition(location.Line, location.Column), new LinePosition(location.EndLine, location.EndColumn)));

        public static Diagnostic Create(DiagnosticInfo info)
            => Diagnostic.Create(
                Descriptor(DiagnosticDescriptors.ById(info.DescriptorId)),
                info.Location is null ? Location.None : ToLocation(info.Location),
                info.MessageArgs.ToArray<object>());

        private static DiagnosticSeverity ToRoslyn(Severity severity)
            => severity switch
            {
                Severity.Error => DiagnosticSeverity.Error,
                Severity.Warning => DiagnosticSeverity.Warning,
                Severity.Info => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Hidden,
            };
    }
}
