using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator
{
    /// <summary>
    /// Reads which additional files are manifests and the MSBuild options that apply to each. The keys are made
    /// visible to the compiler by build/TapiGen.props and TapiGen.targets.
    /// </summary>
    internal static class ManifestOptions
    {
        public const string ManifestMarkerKey = "build_metadata.AdditionalFiles.TapiGenManifest";
        public const string NamespaceMetadataKey = "build_metadata.AdditionalFiles.Namespace";
        public const string NamespacePropertyKey = "build_property.TapiGenNamespace";
        public const string RootNamespaceKey = "build_property.RootNamespace";

        /// <summary>The manifest, or null when the additional file is not a TapiEnum item.</summary>
        public static ManifestFile? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
        {
            AnalyzerConfigOptions fileOptions = provider.GetOptions(file);
            if (!fileOptions.TryGetValue(ManifestMarkerKey, out string? marker)
                || !string.Equals(marker?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            string ns, source;
            if (TryGetNonEmpty(fileOptions, NamespaceMetadataKey, out ns))
            {
                source = "the Namespace metadata of the TapiEnum item";
            }
            else if (TryGetNonEmpty(provider.GlobalOptions, NamespacePropertyKey, out ns))
            {
                source = "the TapiGenNamespace property";
            }
            else if (TryGetNonEmpty(provider.GlobalOptions, RootNamespaceKey, out ns))
            {
                source = "the RootNamespace property";
            }
            else
            {
                source = "no namespace setting";
            }

            string? text = file.GetText(cancellationToken)?.ToString();
            return new ManifestFile(file.Path, text, ns, source);
        }

        private static bool TryGetNonEmpty(AnalyzerConfigOptions options, string key, out string value)
        {
            if (options.TryGetValue(key, out string? raw) && raw is not null && raw.Trim().Length > 0)
            {
                value = raw.Trim();
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
