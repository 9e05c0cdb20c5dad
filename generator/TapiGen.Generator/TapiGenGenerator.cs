using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Roslyn;
using TapiGen.Generator.Emit;
using TapiGen.Generator.Generation;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;
using TapiGen.Generator.Parsing.Headers;
using TapiGen.Generator.Planning;

namespace TapiGen.Generator
{
    /// <summary>
    /// The pipeline, and only the pipeline: manifests in, one parse per manifest, then emission and diagnostics as
    /// separate outputs so that moving text in a manifest without changing the enum re-emits nothing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class TapiGenGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Overrides files (<manifest>.tapigen), collected and paired with their manifest by path. Pairing yields an
            // equal manifest for every other page, so editing one overrides file re-parses only the manifest it names.
            IncrementalValueProvider<EquatableArray<OverridesFile>> overrides = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, ct) => BuildInputs.ReadOverrides(pair.Left, pair.Right, ct))
                .Where(static file => file is not null)
                .Select(static (file, _) => file!)
                .WithTrackingName(TrackingNames.OverridesFiles)
                .Collect()
                .Select(static (files, _) => Steps.AllOverrides(files))
                .WithTrackingName(TrackingNames.AllOverrides);

            IncrementalValuesProvider<ManifestFile> manifests = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, ct) => BuildInputs.Read(pair.Left, pair.Right, ct))
                .Where(static manifest => manifest is not null)
                .Select(static (manifest, _) => manifest!)
                .WithTrackingName(TrackingNames.Manifests)
                .Combine(overrides)
                .Select(static (pair, _) => pair.Left.WithOverrides(pair.Right))
                .WithTrackingName(TrackingNames.ManifestsWithOverrides);

            // Headers (TapiHeader items): each read once per content; the index over all of them changes when any does,
            // but a manifest's lookup yields an equal value unless its own enum changed, so only that one is re-planned.
            IncrementalValueProvider<HeaderIndex> headers = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, ct) => BuildInputs.ReadHeader(pair.Left, pair.Right, ct))
                .Where(static file => file is not null)
                .Select(static (file, _) => file!)
                .WithTrackingName(TrackingNames.HeaderFiles)
                .Select(static (file, ct) => HeaderReader.Read(file, ct))
                .WithTrackingName(TrackingNames.HeaderParse)
                .Collect()
                .Select(static (files, _) => Steps.Headers(files))
                .WithTrackingName(TrackingNames.HeaderIndex);

            IncrementalValuesProvider<PageParse> pages = manifests
                .Select(static (manifest, ct) => PageReader.Read(manifest, ct))
                .WithTrackingName(TrackingNames.Parse);

            IncrementalValuesProvider<(PageParse Page, HeaderLookup Lookup)> lookups = pages
                .Combine(headers)
                .Select(static (pair, ct) => (pair.Left, Steps.Lookup(pair.Left, pair.Right, ct)))
                .WithTrackingName(TrackingNames.HeaderLookup);

            IncrementalValuesProvider<ParseResult> parsed = lookups
                .Select(static (pair, ct) => EnumPlanner.Plan(pair.Page, pair.Lookup, ct))
                .WithTrackingName(TrackingNames.Plan);

            context.RegisterSourceOutput(
                parsed.Select(static (result, _) => result.Diagnostics.Where(d => d.Location is not null).ToEquatableArray()).WithTrackingName(TrackingNames.Diagnostics),
                static (spc, diagnostics) => Report(spc, diagnostics));

            // A diagnostic about no file (a bad project-wide property) comes with every manifest it applies to: once.
            // So does TG0035: TapiGen referenced, but no TapiEnum item (an Include that matches no file).
            IncrementalValueProvider<EquatableArray<DiagnosticInfo>> projectDiagnostics = parsed
                .SelectMany(static (result, _) => result.Diagnostics.Where(d => d.Location is null))
                .Collect()
                .Combine(manifests.Collect()
                    .Combine(context.AnalyzerConfigOptionsProvider.Select(static (options, _) => BuildInputs.NoManifestsExpected(options)))
                    .Select(static (pair, _) => pair.Left.IsEmpty && !pair.Right)
                    .WithTrackingName(TrackingNames.NoManifests))
                .Select(static (pair, _) => Steps.ProjectDiagnostics(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.ProjectDiagnostics);
            context.RegisterSourceOutput(projectDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));

            IncrementalValuesProvider<EnumModel> models = parsed
                .Where(static result => result.Model is not null)
                .Select(static (result, _) => result.Model!)
                .WithTrackingName(TrackingNames.Models);

            // Two manifests for one type would collide on the hint name; find them with a collected step that only
            // changes when names or paths do, so other edits do not invalidate every model.
            IncrementalValueProvider<EquatableArray<DuplicateEnum>> duplicates = models
                .Select(static (model, _) => new EnumIdentity(model.FullName, model.ManifestPath))
                .WithTrackingName(TrackingNames.EnumNames)
                .Collect()
                .Select(static (identities, _) => DuplicateEnum.Find(identities))
                .WithTrackingName(TrackingNames.Duplicates);

            context.RegisterSourceOutput(duplicates, static (spc, found) => Report(spc, Steps.DuplicateDiagnostics(found)));

            // Runs on every compilation change, but yields an equal value unless what we emit depends on it changed.
            // The language version comes from the parse options: a project may have no C# file for the compilation to take it from.
            IncrementalValueProvider<CompilationFacts> facts = context.CompilationProvider
                .Combine(context.ParseOptionsProvider)
                .Select(static (pair, _) => CompilationFactsReader.Read(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Facts);

            IncrementalValuesProvider<(EnumModel Model, CompilationFacts Facts)> toEmit = models
                .Combine(duplicates)
                .Where(static pair => !pair.Right.Any(d => d.FullName == pair.Left.FullName))
                .Select(static (pair, _) => pair.Left)
                .Combine(facts)
                .WithTrackingName(TrackingNames.EmitInputs);

            // Every decision for an enum, made once; the emitters print it.
            IncrementalValuesProvider<EnumSpec> specs = toEmit
                .Select(static (input, _) => SpecBuilder.Build(input.Model, input.Facts))
                .WithTrackingName(TrackingNames.Specs);

            context.RegisterSourceOutput(specs, static (spc, spec) => Add(spc, SourceFiles.For(spec)));

            // What does not depend on one enum, once per compilation: it changes only with what the enums use.
            IncrementalValueProvider<SupportSpec?> support = specs
                .Collect()
                .Combine(facts)
                .Select(static (pair, _) => SpecBuilder.Support(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Support);

            context.RegisterSourceOutput(support, static (spc, spec) => Add(spc, Steps.SupportFile(spec)));

            // Diagnostics about the JSON names, where a converter is generated.
            context.RegisterSourceOutput(
                parsed.Combine(facts)
                    .Select(static (pair, _) => Steps.ConverterDiagnostics(pair.Left, pair.Right))
                    .WithTrackingName(TrackingNames.ConverterDiagnostics),
                static (spc, diagnostics) => Report(spc, diagnostics));
        }

        private static void Add(SourceProductionContext context, System.Collections.Generic.IEnumerable<(string HintName, string Text)> files)
        {
            foreach ((string hintName, string text) in files)
            {
                context.AddSource(hintName, SourceText.From(text, System.Text.Encoding.UTF8));
            }
        }

        private static void Report(SourceProductionContext context, IEnumerable<DiagnosticInfo> diagnostics)
        {
            foreach (DiagnosticInfo info in diagnostics)
            {
                context.ReportDiagnostic(RoslynDiagnostics.Create(info));
            }
        }
    }
}
