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
                Setting? nsSetting = null;
                if (TryGet(_item, Metadata + "Namespace", out ns))
                {
                    source = "the Namespace metadata of the TapiEnum item";
                    nsSetting = Setting.Item("Namespace");
                }
                else if (TryGet(_global, Property + "TapiGenNamespace", out ns))
                {
                    source = "the TapiGenNamespace property";
                    nsSetting = Setting.Project("TapiGenNamespace", "Namespace");
                }
                else if (TryGet(_global, Property + "RootNamespace", out ns))
                {
                    source = "the RootNamespace property";
                    nsSetting = Setting.Project("RootNamespace", "Namespace", "; set TapiGenNamespace to the namespace the enums should have");
                }
                else
                {
                    source = "no namespace setting";
                }

                if (nsSetting is { } where && !Identifiers.IsValidNamespace(ns))
                {
                    Problems.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidNamespace,
                        where.IsProject ? null : FileStart(),
                        where.Describe(_path),
                        ns,
                        where.Consequence()));
                }

                string? enumName = TryGet(_item, Metadata + "EnumName", out string renamed) ? renamed : null;
                if (enumName is not null && !Identifiers.IsValid(enumName))
                {
                    Report(Setting.Item("EnumName"), enumName, "use a C# identifier");
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
            private bool TryLookup(string name, bool itemOnly, out string value, out Setting setting)
            {
                if (TryGet(_item, Metadata + name, out value))
                {
                    setting = Setting.Item(name);
                    return true;
                }

                setting = Setting.Project("TapiGen" + name, name);
                return !itemOnly && TryGet(_global, Property + "TapiGen" + name, out value);
            }

            private T Choice<T>(string name, T fallback, bool itemOnly = false)
                where T : struct, Enum
            {
                if (!TryLookup(name, itemOnly, out string raw, out Setting setting))
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

                Report(setting, raw, "use one of: " + string.Join(", ", Enum.GetNames(typeof(T))));
                return fallback;
            }

            private bool Bool(string name, bool fallback)
            {
                if (!TryLookup(name, itemOnly: false, out string raw, out Setting setting))
                {
                    return fallback;
                }

                if (bool.TryParse(raw, out bool value))
                {
                    return value;
                }

                Report(setting, raw, "use one of: true, false");
                return fallback;
            }

            /// <summary>
            /// TG0018. A property's bad value is the same for every manifest: it has no location and does not name the
            /// manifest, so the pipeline reports it once for the project (each manifest it applies to still generates nothing).
            /// </summary>
            private void Report(Setting setting, string value, string fix)
                => Problems.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidOption,
                    setting.IsProject ? null : FileStart(),
                    setting.Describe(_path),
                    value,
                    fix,
                    setting.Consequence()));

            private LocationInfo FileStart() => LocationInfo.FileStart(_path);

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

        /// <summary>Where a setting's value came from: one TapiEnum item's metadata, or a project-wide property.</summary>
        private readonly struct Setting
        {
            private readonly string _name;
            private readonly string _metadataName;
            private readonly string _hint;

            private Setting(bool isProject, string name, string metadataName, string hint)
            {
                IsProject = isProject;
                _name = name;
                _metadataName = metadataName;
                _hint = hint;
            }

            public bool IsProject { get; }

            public static Setting Item(string metadataName) => new Setting(false, metadataName, metadataName, string.Empty);

            public static Setting Project(string property, string metadataName, string hint = "") => new Setting(true, property, metadataName, hint);

            /// <summary>The start of the message: the item's setting names its manifest, a property does not.</summary>
            public string Describe(string path)
                => IsProject
                    ? "The " + _name + " property"
                    : "Manifest '" + ManifestParser.FileNameOf(path) + "': the " + _name + " metadata of the TapiEnum item";

            public string Consequence()
                => IsProject
                    ? "every manifest without its own " + _metadataName + " metadata generates nothing" + _hint
                    : "the manifest generates nothing";
        }
    }
}
