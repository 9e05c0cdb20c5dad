using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TapiGen.Generator;
using Xunit;

namespace TapiGen.Analyzers.Tests.Infrastructure
{
    /// <summary>Which reference assemblies the generator and the analyzer tests compile against.</summary>
    public enum Target
    {
        Net80,
        NetStandard20,
    }

    /// <summary>
    /// What the real generator makes of manifests: the analyzer tests put these files beside the code under test, so
    /// every enum and helpers class they see is TapiGen's own output for these options, never a copy that could drift.
    /// </summary>
    public sealed class TapiGenOutput
    {
        public const string Namespace = "Tapi.Tests";

        private TapiGenOutput(Target target, ImmutableArray<(string HintName, string Text)> sources)
        {
            Target = target;
            Sources = sources;
        }

        public Target Target { get; }

        /// <summary>The generated files, by hint name.</summary>
        public ImmutableArray<(string HintName, string Text)> Sources { get; }

        /// <summary>AGENT_SESSION_EVENT (plain) and TAPI_EVENT ([Flags]) from their sdk-api pages, with default options.</summary>
        public static TapiGenOutput Default { get; } = Generate();

        public static IEnumerable<MetadataReference> References(Target target)
            => target == Target.NetStandard20 ? Basic.Reference.Assemblies.NetStandard20.References.All : Basic.Reference.Assemblies.Net80.References.All;

        /// <summary>A page shipped with the tests, in Manifests/.</summary>
        public static (string Path, string Text) Page(string fileName)
            => ("/manifests/" + fileName, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifests", fileName)));

        /// <summary>A small manifest with these member headings ("NAME:VALUE").</summary>
        public static (string Path, string Text) Inline(string enumName, params string[] fieldHeadings)
            => ("/manifests/" + enumName.ToLowerInvariant() + ".md",
                "---\ntitle: " + enumName + " (test.h)\n---\n\n# " + enumName + " enumeration\n\n## -enum-fields\n\n"
                + string.Concat(fieldHeadings.Select(h => "### -field " + h + "\n\nThe member " + h.Split(':')[0] + ".\n\n")));

        /// <summary>
        /// Runs TapiGen over <paramref name="manifests"/> (default: the two pages) with these MSBuild properties
        /// ("TapiGenMemberNames" = "DotNet", ...) and asserts it reported nothing but info.
        /// </summary>
        public static TapiGenOutput Generate(
            IReadOnlyDictionary<string, string>? properties = null,
            Target target = Target.Net80,
            params (string Path, string Text)[] manifests)
        {
            if (manifests.Length == 0)
            {
                manifests = new[] { Page("ne-tapi3-agent_session_event.md"), Page("ne-tapi3if-tapi_event.md") };
            }

            var global = new Dictionary<string, string>(StringComparer.Ordinal) { ["build_property.RootNamespace"] = Namespace };
            foreach (KeyValuePair<string, string> property in properties ?? new Dictionary<string, string>())
            {
                global["build_property." + property.Key] = property.Value;
            }

            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            CSharpCompilation compilation = CSharpCompilation.Create(
                "TapiGenConsumer",
                Array.Empty<SyntaxTree>(),
                References(target),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                new[] { new TapiGenGenerator().AsSourceGenerator() },
                manifests.Select(m => (AdditionalText)new Text(m.Path, m.Text)),
                parseOptions,
                new Options(global));
            GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();
            Assert.Empty(result.Diagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
            return new TapiGenOutput(
                target,
                result.GeneratedTrees.Select(t => (Path.GetFileName(t.FilePath), t.GetText().ToString())).OrderBy(s => s.Item1, StringComparer.Ordinal).ToImmutableArray());
        }

        private sealed class Text : AdditionalText
        {
            private readonly SourceText _text;

            public Text(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        /// <summary>Global options as MSBuild passes properties; every additional file is a TapiEnum item.</summary>
        private sealed class Options : AnalyzerConfigOptionsProvider
        {
            private static readonly AnalyzerConfigOptions Manifest = new Values(new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.TapiGenManifest"] = "true",
            });

            private static readonly AnalyzerConfigOptions None = new Values(new Dictionary<string, string>());

            public Options(Dictionary<string, string> global) => GlobalOptions = new Values(global);

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Manifest;
        }

        private sealed class Values : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Values(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                bool found = _values.TryGetValue(key, out string? v);
                value = v ?? string.Empty;
                return found;
            }
        }
    }
}
