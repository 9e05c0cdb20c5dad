using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Emit;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;
using TapiGen.Generator.Parsing.Headers;
using TapiGen.Generator.Planning;

namespace TapiGen.Generator.Generation
{
    /// <summary>
    /// The steps from inputs to files, each a pure function: the incremental generator wires them as a pipeline
    /// (TapiGenGenerator), the build task calls them in a row (<see cref="Batch"/>). One definition of each, so both
    /// produce the same files and diagnostics.
    /// </summary>
    internal static class Steps
    {
        /// <summary>The overrides files, one per path, in path order.</summary>
        public static EquatableArray<OverridesFile> AllOverrides(IEnumerable<OverridesFile> files)
            => files.GroupBy(f => f.Path).Select(g => g.First()).OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray();

        /// <summary>The headers, read, in path order.</summary>
        public static HeaderIndex Headers(IEnumerable<HeaderParse> parsed)
            => new HeaderIndex(parsed.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray());

        /// <summary>What the headers say of the page's enum (nothing when the page failed or headers are off).</summary>
        public static HeaderLookup Lookup(PageParse page, HeaderIndex headers, CancellationToken cancellationToken)
            => page.HasErrors || page.Options.HeaderValues == HeaderValues.Off || (page.PageName ?? page.Name) is not { } name
                ? HeaderLookup.NoHeaders
                : headers.Find(name, cancellationToken);

        /// <summary>
        /// The diagnostics about no file, once for the project: a bad project-wide property comes with every manifest it
        /// applies to; TG0035 when TapiGen runs without any manifest (unless the project only uses a TapiGen library).
        /// </summary>
        public static EquatableArray<DiagnosticInfo> ProjectDiagnostics(IEnumerable<DiagnosticInfo> unlocated, bool noManifests)
            => (noManifests ? new[] { DiagnosticInfo.Create(DiagnosticDescriptors.NoManifests, null) } : unlocated.Distinct()).ToEquatableArray();

        /// <summary>TG0015 at each manifest of a type two manifests claim.</summary>
        public static IEnumerable<DiagnosticInfo> DuplicateDiagnostics(EquatableArray<DuplicateEnum> duplicates)
        {
            foreach (DuplicateEnum duplicate in duplicates)
            {
                string files = string.Join(", ", duplicate.Paths.Select(FileNames.Of));
                foreach (string path in duplicate.Paths)
                {
                    yield return DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateEnum, LocationInfo.FileStart(path), duplicate.FullName, files);
                }
            }
        }

        /// <summary>The JSON-name diagnostics of a manifest, where a converter is generated for it.</summary>
        public static EquatableArray<DiagnosticInfo> ConverterDiagnostics(ParseResult result, CompilationFacts facts)
            => result.Model is { } model && (GeneratedNames.EmitsSystemTextJson(model, facts) || GeneratedNames.EmitsNewtonsoftJson(model, facts))
                ? result.ConverterDiagnostics
                : EquatableArray<DiagnosticInfo>.Empty;

        /// <summary>The support file, when any enum needs it.</summary>
        public static IEnumerable<(string HintName, string Text)> SupportFile(SupportSpec? spec)
            => spec is null ? Array.Empty<(string, string)>() : new[] { (SupportEmitter.HintName, SupportEmitter.Emit(spec)) };
    }

    /// <summary>What the build task generates for a project: the files by hint name, and every diagnostic.</summary>
    internal sealed record BatchResult(IReadOnlyList<(string HintName, string Text)> Files, IReadOnlyList<DiagnosticInfo> Diagnostics);

    /// <summary>The generator's pipeline run once over all inputs, for the build task (and the tests that compare the two).</summary>
    internal static class Batch
    {
        public static BatchResult Run(
            IReadOnlyList<ManifestFile> manifests,
            IReadOnlyList<OverridesFile> overrides,
            IReadOnlyList<HeaderFile> headers,
            CompilationFacts facts,
            bool referencedIndirectly,
            CancellationToken cancellationToken)
        {
            EquatableArray<OverridesFile> allOverrides = Steps.AllOverrides(overrides);
            HeaderIndex index = Steps.Headers(headers.Select(h => HeaderReader.Read(h, cancellationToken)));
            var results = new List<ParseResult>();
            foreach (ManifestFile manifest in manifests)
            {
                PageParse page = PageReader.Read(manifest.WithOverrides(allOverrides), cancellationToken);
                results.Add(EnumPlanner.Plan(page, Steps.Lookup(page, index, cancellationToken), cancellationToken));
            }

            var diagnostics = new List<DiagnosticInfo>();
            diagnostics.AddRange(results.SelectMany(r => r.Diagnostics.Where(d => d.Location is not null)));
            diagnostics.AddRange(Steps.ProjectDiagnostics(results.SelectMany(r => r.Diagnostics.Where(d => d.Location is null)), manifests.Count == 0 && !referencedIndirectly));

            List<EnumModel> models = results.Where(r => r.Model is not null).Select(r => r.Model!).ToList();
            EquatableArray<DuplicateEnum> duplicates = DuplicateEnum.Find(models.Select(m => new EnumIdentity(m.FullName, m.ManifestPath)).ToImmutableArray());
            diagnostics.AddRange(Steps.DuplicateDiagnostics(duplicates));

            List<EnumSpec> specs = models
                .Where(m => !duplicates.Any(d => d.FullName == m.FullName))
                .Select(m => SpecBuilder.Build(m, facts))
                .ToList();
            var files = specs.SelectMany(SourceFiles.For).Concat(Steps.SupportFile(SpecBuilder.Support(specs, facts)))
                .OrderBy(f => f.HintName, StringComparer.Ordinal)
                .ToList();
            diagnostics.AddRange(results.SelectMany(r => Steps.ConverterDiagnostics(r, facts)));
            return new BatchResult(files, diagnostics);
        }
    }
}
