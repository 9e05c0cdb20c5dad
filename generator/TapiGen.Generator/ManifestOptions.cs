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

namespace TapiGen.Generator
{
    /// <summary>
    /// Reads which additional files are manifests and the options that apply to each: an MSBuild property
    /// (build_property.TapiGenX), overridden by the TapiEnum item's metadata (build_metadata.AdditionalFiles.X).
    /// Also recognises overrides files (marked by build/TapiGen.targets with the manifest they apply to).
    /// build/TapiGen.props makes every key visible to the compiler; keep the two lists in step.
    /// </summary>
    internal static class ManifestOptions
    {
        private const string Metadata = "build_metadata.AdditionalFiles.";
        private const string Property = "build_property.";
        public const string ManifestMarkerKey = Metadata + "TapiGenManifest";
        public const string OverridesForKey = Metadata + "TapiGenOverridesFor";
        public const string HeaderMarkerKey = Metadata + "TapiGenHeader";

        /// <summary>The manifest, or null when the additional file is not a TapiEnum item.</summary>
        public static ManifestFile? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
        {
            AnalyzerConfigOptions fileOptions = provider.GetOptions(file);
            if (!fileOptions.TryGetValue(ManifestMarkerKey, out string? marker)
                || !string.Equals(marker?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var reader = new OptionReader(file.Path, fileOptions, provider.GlobalOptions);
            GeneratorOptions options = reader.Read();
            string? text = ReadText(file, cancellationToken, out int length);
            return new ManifestFile(file.Path, text, options, reader.Problems.ToEquatableArray()) { TextLength = length };
        }

        /// <summary>The overrides file, or null when the additional file is not one (it has no TapiGenOverridesFor).</summary>
        public static OverridesFile? ReadOverrides(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
        {
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
            if (!provider.GetOptions(file).TryGetValue(HeaderMarkerKey, out string? marker)
                || !string.Equals(marker?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
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
            return source is null || source.Length > Limits.MaxFileChars ? null : source.ToString();
        }

        private sealed class OptionReader
        {
            private readonly string _path;
            private readonly AnalyzerConfigOptions _item;
            private readonly AnalyzerConfigOptions _global;

            public OptionReader(string path, AnalyzerConfigOptions item, AnalyzerConfigOptions global)
            {
                _path = path;
                _item = item;
                _global = global;
            }

            public List<DiagnosticInfo> Problems { get; } = new List<DiagnosticInfo>();

            public GeneratorOptions Read()
            {
                string ns, source;
                if (TryGet(_item, Metadata + "Namespace", out ns))
                {
                    source = "the Namespace metadata of the TapiEnum item";
                }
                else if (TryGet(_global, Property + "TapiGenNamespace", out ns))
                {
                    source = "the TapiGenNamespace property";
                }
                else if (TryGet(_global, Property + "RootNamespace", out ns))
                {
                    source = "the RootNamespace property";
                }
                else
                {
                    source = "no namespace setting";
                }

                string? enumName = TryGet(_item, Metadata + "EnumName", out string renamed) ? renamed : null;
                if (enumName is not null && !Identifiers.IsValid(enumName))
                {
                    Report("EnumName", enumName, "a C# identifier");
                    enumName = null;
                }

                GeneratorOptions d = GeneratorOptions.Default();
                return new GeneratorOptions(
                    ns,
                    source,
                    Choice("Accessibility", d.Accessibility),
                    Choice("MemberNames", d.MemberNaming),
                    Choice("TextNames", d.TextNaming),
                    Choice("Flags", d.Flags, itemOnly: true),
                    enumName,
                    Bool("GenerateHelpers", d.GenerateHelpers),
                    Bool("GenerateSystemTextJson", d.GenerateSystemTextJson),
                    Bool("GenerateNewtonsoftJson", d.GenerateNewtonsoftJson),
                    Bool("NewtonsoftAttribute", d.NewtonsoftAttribute),
                    Choice("JsonNaming", d.JsonNaming),
                    Bool("JsonAllowNumbers", d.JsonAllowNumbers),
                    Bool("JsonIgnoreCase", d.JsonIgnoreCase),
                    Choice("JsonUndefined", d.JsonUndefined),
                    Bool("ValuesFromDescriptions", d.ValuesFromDescriptions),
                    Choice("HeaderValues", d.HeaderValues));
            }

            /// <summary>Item metadata NAME wins over the property TapiGenNAME.</summary>
            private bool TryLookup(string name, bool itemOnly, out string value, out string setting)
            {
                if (TryGet(_item, Metadata + name, out value))
                {
                    setting = "the " + name + " metadata of the TapiEnum item";
                    return true;
                }

                setting = "the TapiGen" + name + " property";
                return !itemOnly && TryGet(_global, Property + "TapiGen" + name, out value);
            }

            private T Choice<T>(string name, T fallback, bool itemOnly = false)
                where T : struct, Enum
            {
                if (!TryLookup(name, itemOnly, out string raw, out string setting))
                {
                    return fallback;
                }

                // Accept the documented spellings case-insensitively; "true"/"false" also mean On/Off for Flags.
                string normalized = raw.Replace("_", string.Empty).Replace("-", string.Empty);
                if (typeof(T) == typeof(FlagsMode))
                {
                    normalized = normalized.Equals("true", StringComparison.OrdinalIgnoreCase) ? "On"
                        : normalized.Equals("false", StringComparison.OrdinalIgnoreCase) ? "Off" : normalized;
                }

                foreach (T candidate in (T[])Enum.GetValues(typeof(T)))
                {
                    if (string.Equals(candidate.ToString(), normalized, StringComparison.OrdinalIgnoreCase))
                    {
                        return candidate;
                    }
                }

                Report(setting, raw, string.Join(", ", Enum.GetNames(typeof(T))));
                return fallback;
            }

            private bool Bool(string name, bool fallback)
            {
                if (!TryLookup(name, itemOnly: false, out string raw, out string setting))
                {
                    return fallback;
                }

                if (bool.TryParse(raw, out bool value))
                {
                    return value;
                }

                Report(setting, raw, "true, false");
                return fallback;
            }

            private void Report(string setting, string value, string allowed)
                => Problems.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidOption,
                    new LocationInfo(_path, default, default),
                    ManifestParser.FileNameOf(_path),
                    setting,
                    value,
                    allowed));

            private static bool TryGet(AnalyzerConfigOptions options, string key, out string value)
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
}
