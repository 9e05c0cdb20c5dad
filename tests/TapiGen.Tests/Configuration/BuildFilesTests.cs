using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TapiGen.Generator;
using TapiGen.Tests.Infrastructure;
using TapiGen.Generator.Roslyn;
using Xunit;

namespace TapiGen.Tests.Configuration
{
    /// <summary>
    /// The compiler shows a generator only the MSBuild properties and item metadata that build/TapiGen.props declares
    /// (CompilerVisibleProperty, CompilerVisibleItemMetadata); anything the generator reads but the file forgets is
    /// silently never set in a real build. These tests ask the generator which keys it reads.
    /// </summary>
    public class BuildFilesTests
    {
        private const string PropertyPrefix = "build_property.";
        private const string MetadataPrefix = "build_metadata.AdditionalFiles.";

        private static readonly string s_buildFolder = Path.Combine(RepoPaths.Root, "generator", "TapiGen.Generator", "build");

        [Fact]
        public void TapiGen_props_declares_exactly_the_properties_the_generator_reads()
        {
            var (properties, _) = KeysTheGeneratorReads();
            Assert.Equal(Declared("CompilerVisibleProperty", "Include"), properties);
        }

        [Fact]
        public void TapiGen_props_declares_exactly_the_item_metadata_the_generator_reads()
        {
            var (_, metadata) = KeysTheGeneratorReads();
            XElement[] items = Items("TapiGen.props", "CompilerVisibleItemMetadata");
            Assert.All(items, i => Assert.Equal("AdditionalFiles", (string?)i.Attribute("Include")));
            Assert.Equal(Declared("CompilerVisibleItemMetadata", "MetadataName"), metadata);
        }

        [Fact]
        public void TapiGen_targets_turns_TapiEnum_items_into_marked_additional_files()
        {
            // The other AdditionalFiles item carries overrides files, marked with the manifest they belong to.
            XElement item = Assert.Single(Items("TapiGen.targets", "AdditionalFiles"), i => (string?)i.Attribute("Include") == "@(TapiEnum)");
            Assert.Equal("true", (string?)item.Attribute(BuildInputs.ManifestMarkerKey.Substring(MetadataPrefix.Length)));
        }

        [Fact]
        public void The_build_task_gets_every_setting_and_reruns_when_any_changes()
        {
            // Build-task mode reads the settings from MSBuild, not through the compiler: TapiGen.targets hands the task
            // every property the generator reads (_TapiGenProperty) and writes every item metadata into the settings
            // file whose time the task's Inputs compare; one forgotten there would be ignored, or go stale.
            var markers = new[] { "TapiGenReferencedIndirectly", "TapiGenRunAsBuildTask" };
            Assert.Equal(
                Declared("CompilerVisibleProperty", "Include").Where(p => !markers.Contains(p)),
                new SortedSet<string>(Items("TapiGen.targets", "_TapiGenProperty").Select(i => (string)i.Attribute("Include")!), StringComparer.Ordinal));

            string itemLine = Items("TapiGen.targets", "_TapiGenSettingLine")
                .Select(i => (string)i.Attribute("Include")!)
                .Single(i => i.StartsWith("@(TapiEnum->'item=", StringComparison.Ordinal));
            var internalMarkers = new[] { "TapiGenManifest", "TapiGenHeader", "TapiGenOverridesFor" };
            Assert.All(
                Declared("CompilerVisibleItemMetadata", "MetadataName").Where(m => !internalMarkers.Contains(m)).Append("Overrides"),
                m => Assert.Contains("%(" + m + ")", itemLine, StringComparison.Ordinal));
        }

        [Fact]
        public void README_states_the_value_forms_the_messages_state()
        {
            // One source of truth: TG0008's message and the README say the same forms, in the same words.
            string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            Assert.Contains("<!-- value-forms: a test checks this sentence is CExpression.AcceptedForms -->" + TapiGen.Generator.Parsing.C.CExpression.AcceptedForms + ".", readme);
            Assert.Contains(TapiGen.Generator.Parsing.C.CExpression.AcceptedForms, TapiGen.Generator.Diagnostics.DiagnosticDescriptors.InvalidMemberValue.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void README_lists_every_diagnostic_id()
        {
            string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
            Assert.All(TapiGen.Generator.Diagnostics.DiagnosticDescriptors.All.Where(d => d.Id.StartsWith("TG00", StringComparison.Ordinal)), d => Assert.Contains("| " + d.Id + " | " + d.Severity.ToString().ToLowerInvariant() + " |", readme));
        }

        [Fact]
        public void README_lists_every_setting()
        {
            // The settings table: "| property | item metadata | default | allowed values | what it sets |".
            string[] names = File.ReadAllLines(Path.Combine(RepoPaths.Root, "README.md"))
                .Where(line => line.StartsWith("| ", StringComparison.Ordinal))
                .Select(line => line.Split('|'))
                .Where(cells => cells.Length == 7)
                .SelectMany(cells => new[] { cells[1].Trim(), cells[2].Trim() })
                .ToArray();
            var settings = Declared("CompilerVisibleProperty", "Include")
                .Concat(Declared("CompilerVisibleItemMetadata", "MetadataName"))
                .Where(name => name != "TapiGenManifest" && name != "TapiGenOverridesFor" && name != "TapiGenHeader"); // marks TapiGen.targets sets, not settings
            Assert.All(settings, name => Assert.Contains("`" + name + "`", names));
        }

        private static XElement[] Items(string file, string itemName)
            => XDocument.Load(Path.Combine(s_buildFolder, file)).Descendants(itemName).ToArray();

        private static SortedSet<string> Declared(string itemName, string attribute)
            => new SortedSet<string>(Items("TapiGen.props", itemName).Select(i => (string)i.Attribute(attribute)!), StringComparer.Ordinal);

        /// <summary>Runs the generator on a manifest with no setting at all, so it looks up every key it knows.</summary>
        private static (SortedSet<string> Properties, SortedSet<string> Metadata) KeysTheGeneratorReads()
        {
            var provider = new RecordingOptionsProvider();
            var manifest = TestManifests.Inline("COLOR", "RED");
            var texts = new AdditionalText[] { new GeneratorHarness.TestAdditionalText(manifest.Path, manifest.Text) };
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new TapiGenGenerator().AsSourceGenerator() }, texts, parseOptions, provider);
            driver.RunGenerators(GeneratorHarness.CreateCompilation(parseOptions, null, TargetRefs.Net80));

            return (
                new SortedSet<string>(provider.Requested.Where(k => k.StartsWith(PropertyPrefix, StringComparison.Ordinal)).Select(k => k.Substring(PropertyPrefix.Length)), StringComparer.Ordinal),
                new SortedSet<string>(provider.Requested.Where(k => k.StartsWith(MetadataPrefix, StringComparison.Ordinal)).Select(k => k.Substring(MetadataPrefix.Length)), StringComparer.Ordinal));
        }

        /// <summary>Options that are all unset except the manifest mark, and remember every key asked for.</summary>
        private sealed class RecordingOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly RecordingOptions _options;

            public RecordingOptionsProvider() => _options = new RecordingOptions(Requested);

            public HashSet<string> Requested { get; } = new HashSet<string>(StringComparer.Ordinal);

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
        }

        private sealed class RecordingOptions : AnalyzerConfigOptions
        {
            private readonly HashSet<string> _requested;

            public RecordingOptions(HashSet<string> requested) => _requested = requested;

            public override bool TryGetValue(string key, out string value)
            {
                lock (_requested)
                {
                    _requested.Add(key);
                }

                bool isMark = key == BuildInputs.ManifestMarkerKey;
                value = isMark ? "true" : string.Empty;
                return isMark;
            }
        }
    }
}
