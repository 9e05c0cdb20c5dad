using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Generator.Roslyn
{
    /// <summary>
    /// The generator's inputs from the build: which additional files are manifests, overrides files and headers
    /// (marked by build/TapiGen.targets), their text, and each manifest's settings, read by the core's
    /// <see cref="SettingsReader"/> from the analyzer config: an MSBuild property is build_property.NAME, a TapiEnum
    /// item's metadata build_metadata.AdditionalFiles.NAME. build/TapiGen.props makes every key visible to the
    /// compiler; keep the two lists in step.
    /// </summary>
    internal static class BuildInputs
    {
        private const string Metadata = "build_metadata.AdditionalFiles.";
        private const string Property = "build_property.";
        public const string ManifestMarkerKey = Metadata + "TapiGenManifest";
        public const string OverridesForKey = Metadata + "TapiGenOverridesFor";
        public const string HeaderMarkerKey = Metadata + "TapiGenHeader";

        /// <summary>The manifest, or null when the additional file is not a TapiEnum item.</summary>
        public static ManifestFile? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
        {
            if (RunAsBuildTask(provider))
            {
                return null;
            }

            AnalyzerConfigOptions fileOptions = provider.GetOptions(file);
            if (!IsTrue(fileOptions, ManifestMarkerKey))
            {
                return null;
            }

            return SettingsReader.Manifest(file.Path, file.GetText(cancellationToken)?.ToString(), new AnalyzerConfigSettings(fileOptions, provider.GlobalOptions));
        }

        /// <summary>
        /// Whether having no manifest is expected (no TG0035): the project gets TapiGen only through a library it
        /// references, or the build task generates its enums (TapiGen.targets says which).
        /// </summary>
        public static bool NoManifestsExpected(AnalyzerConfigOptionsProvider provider)
            => IsTrue(provider, "TapiGenReferencedIndirectly") || IsTrue(provider, "TapiGenRunAsBuildTask");

        /// <summary>In build-task mode the task generates everything before the compiler runs; the generator reads nothing.</summary>
        private static bool RunAsBuildTask(AnalyzerConfigOptionsProvider provider) => IsTrue(provider, "TapiGenRunAsBuildTask");

        private static bool IsTrue(AnalyzerConfigOptionsProvider provider, string property) => IsTrue(provider.GlobalOptions, Property + property);

        private static bool IsTrue(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>The overrides file, or null when the additional file is not one (it has no TapiGenOverridesFor).</summary>
        public static OverridesFile? ReadOverrides(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
        {
            if (RunAsBuildTask(provider))
            {
                return null;
            }

            if (!provider.GetOptions(file).TryGetValue(OverridesForKey, out string? manifestPath)
                || manifestPath is null
                || manifestPath.Trim().Length == 0)
            {
                return null;
            }

            string? text = ReadText(file, cancellationToken, out int length);
            return new OverridesFile(file.Path, manifestPath.Trim(), text, length);
        }

        /// <summary>The header, or null when the additional file is not a TapiHeader item.</summary>
        public static HeaderFile? ReadHeader(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
        {
            if (RunAsBuildTask(provider))
            {
                return null;
            }

            if (!IsTrue(provider.GetOptions(file), HeaderMarkerKey))
            {
                return null;
            }

            string? text = ReadText(file, cancellationToken, out int length);
            return new HeaderFile(file.Path, text, length);
        }

        /// <summary>The text, unless the file is unreadable or over <see cref="Limits.MaxFileChars"/> (then null, and the parser says which).</summary>
        private static string? ReadText(AdditionalText file, CancellationToken cancellationToken, out int length)
        {
            SourceText? source = file.GetText(cancellationToken);
            length = source?.Length ?? 0;
            return source is null || !Limits.Readable(source.Length) ? null : source.ToString();
        }

        private sealed class AnalyzerConfigSettings : IBuildSettings
        {
            private readonly AnalyzerConfigOptions _item;
            private readonly AnalyzerConfigOptions _global;

            public AnalyzerConfigSettings(AnalyzerConfigOptions item, AnalyzerConfigOptions global)
            {
                _item = item;
                _global = global;
            }

            public bool TryGetMetadata(string name, out string? value) => _item.TryGetValue(Metadata + name, out value);

            public bool TryGetProperty(string name, out string? value) => _global.TryGetValue(Property + name, out value);
        }
    }
}
