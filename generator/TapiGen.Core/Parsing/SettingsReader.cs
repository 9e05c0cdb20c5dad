using System;
using System.Collections.Generic;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// A TapiEnum item's settings as the build gives them: its metadata (Namespace, Flags...) and the project's
    /// properties (TapiGenNamespace, RootNamespace...), by their MSBuild names. The generator reads them from the
    /// analyzer config (build_metadata / build_property keys), a build task from MSBuild itself.
    /// </summary>
    internal interface IBuildSettings
    {
        bool TryGetMetadata(string name, out string? value);

        bool TryGetProperty(string name, out string? value);
    }

    /// <summary>
    /// Turns one item's settings into <see cref="GeneratorOptions"/>: the item's metadata NAME wins over the property
    /// TapiGenNAME; a value it cannot read is TG0018 (or TG0014 for a namespace) and the default.
    /// </summary>
internal sealed class SettingsReader
    {
        private readonly string _path;
        private readonly IBuildSettings _settings;

        public SettingsReader(string path, IBuildSettings settings)
        {
            _path = path;
            _settings = settings;
        }

        public List<DiagnosticInfo> Problems { get; } = new List<DiagnosticInfo>();

        /// <summary>
        /// A TapiEnum item as the parser takes it: its settings read, and its text unless it could not be read (null) or
        /// is over <see cref="Limits.MaxFileChars"/> (then null too, and the parser says which by the length).
        /// </summary>
        public static ManifestFile Manifest(string path, string? text, IBuildSettings settings)
        {
            var reader = new SettingsReader(path, settings);
            GeneratorOptions options = reader.Read();
            int length = text?.Length ?? 0;
            return new ManifestFile(path, length > Limits.MaxFileChars ? null : text, options, reader.Problems.ToEquatableArray()) { TextLength = length };
        }

        public GeneratorOptions Read()
        {
            string ns, source;
            Setting? nsSetting = null;
            if (TryGet(_settings.TryGetMetadata, "Namespace", out ns))
            {
                source = "the Namespace metadata of the TapiEnum item";
                nsSetting = Setting.Item("Namespace");
            }
            else if (TryGet(_settings.TryGetProperty, "TapiGenNamespace", out ns))
            {
                source = "the TapiGenNamespace property";
                nsSetting = Setting.Project("TapiGenNamespace", "Namespace");
            }
            else if (TryGet(_settings.TryGetProperty, "RootNamespace", out ns))
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

            string? enumName = TryGet(_settings.TryGetMetadata, "EnumName", out string renamed) ? renamed : null;
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
            if (TryGet(_settings.TryGetMetadata, name, out value))
            {
                setting = Setting.Item(name);
                return true;
            }

            setting = Setting.Project("TapiGen" + name, name);
            return !itemOnly && TryGet(_settings.TryGetProperty, "TapiGen" + name, out value);
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

        private static bool TryGet(Lookup lookup, string key, out string value)
        {
            if (lookup(key, out string? raw) && raw is not null && raw.Trim().Length > 0)
            {
                value = raw.Trim();
                return true;
            }

            value = string.Empty;
            return false;
        }

        private delegate bool Lookup(string key, out string? value);

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
                    : "Manifest '" + FileNames.Of(path) + "': the " + _name + " metadata of the TapiEnum item";

            public string Consequence()
                => IsProject
                    ? "every manifest without its own " + _metadataName + " metadata generates nothing" + _hint
                    : "the manifest generates nothing";
        }
    }
}
