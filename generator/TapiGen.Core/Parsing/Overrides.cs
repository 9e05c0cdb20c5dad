using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TapiGen.Generator.Diagnostics;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing
{
    /// <summary>What an overrides line does to a member.</summary>
    internal enum OverrideKind
    {
        /// <summary><c>value NAME = VALUE</c>: the member's value, instead of the heading's (or the count).</summary>
        Value,

        /// <summary><c>rename NAME = NEW</c>: the member's name, instead of the heading's.</summary>
        Rename,

        /// <summary><c>add NAME [= VALUE]</c>: a member the page lacks, appended after the last one.</summary>
        Add,

        /// <summary><c>text NAME</c>: the '#### - NAME' sub-heading is text, not a member (silences TG0011).</summary>
        Text,
    }

    /// <summary>One member line of an overrides file, with where it is, so problems point at it.</summary>
    internal sealed class MemberOverride
    {
        public MemberOverride(OverrideKind kind, string member, string? argument, LocationInfo memberLocation, LocationInfo argumentLocation)
        {
            Kind = kind;
            Member = member;
            Argument = argument;
            MemberLocation = memberLocation;
            ArgumentLocation = argumentLocation;
        }

        public OverrideKind Kind { get; }

        /// <summary>The member's name as the manifest spells it (for <see cref="OverrideKind.Add"/>, the new member).</summary>
        public string Member { get; }

        /// <summary>The value text, or the new name for <see cref="OverrideKind.Rename"/>; null for an 'add' without a value.</summary>
        public string? Argument { get; }

        public LocationInfo MemberLocation { get; }

        public LocationInfo ArgumentLocation { get; }

        /// <summary>Set when a member of the manifest claims it; the others name no member (TG0021).</summary>
        public bool Used { get; set; }
    }

    /// <summary>
    /// The corrections an overrides file makes to one manifest. The format is line-based so no YAML or JSON parser
    /// is needed: blank lines and lines starting with '#' are ignored, every other line is one of
    /// <c>enum-name = NAME</c>, <c>flags = true|false|auto</c>, <c>value MEMBER = VALUE</c>,
    /// <c>rename MEMBER = NEW</c>, <c>add MEMBER = VALUE</c>, <c>add MEMBER</c> or <c>text NAME</c>. Values are written as
    /// in a '### -field' heading (and may use C casts such as <c>(int)0x80018001</c>).
    /// </summary>
    internal sealed class Overrides
    {
        public static readonly Overrides None = new Overrides(null, string.Empty);

        private Overrides(string? path, string fileName)
        {
            Path = path;
            FileName = fileName;
        }

        /// <summary>The overrides file's path, or null when the manifest has none.</summary>
        public string? Path { get; }

        public string FileName { get; }

        public string? EnumName { get; private set; }

        public FlagsMode? Flags { get; private set; }

        public Dictionary<string, MemberOverride> Values { get; } = new Dictionary<string, MemberOverride>(StringComparer.Ordinal);

        public Dictionary<string, MemberOverride> Renames { get; } = new Dictionary<string, MemberOverride>(StringComparer.Ordinal);

        public List<MemberOverride> Adds { get; } = new List<MemberOverride>();

        /// <summary>'text NAME' lines: sub-headings the page's reader keeps as text, knowingly.</summary>
        public Dictionary<string, MemberOverride> TextNames { get; } = new Dictionary<string, MemberOverride>(StringComparer.Ordinal);

        /// <summary>The names <see cref="Adds"/> adds, for quick lookups.</summary>
        public HashSet<string> AddedNames { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Every member line, in file order.</summary>
        public IEnumerable<MemberOverride> All => Values.Values.Concat(Renames.Values).Concat(Adds).Concat(TextNames.Values).OrderBy(o => o.MemberLocation.Start);

        /// <summary>
        /// Reads the overrides files paired with a manifest. Problems go to <paramref name="diagnostics"/>; a manifest
        /// with more than one overrides file, or one that cannot be read, gets an error and no overrides.
        /// </summary>
        public static Overrides Read(ManifestFile manifest, List<DiagnosticInfo> diagnostics)
        {
            string manifestName = FileNames.Of(manifest.Path);
            if (manifest.Overrides.Count == 0)
            {
                return None;
            }

            if (manifest.Overrides.Count > 1)
            {
                string names = string.Join(", ", manifest.Overrides.Select(o => FileNames.Of(o.Path)));
                foreach (OverridesFile extra in manifest.Overrides)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidOverride,
                        LocationInfo.FileStart(extra.Path),
                        FileNames.Of(extra.Path),
                        manifestName,
                        "more than one overrides file applies to this manifest (" + names + "); keep one"));
                }

                return None;
            }

            OverridesFile file = manifest.Overrides[0];
            string fileName = FileNames.Of(file.Path);
            if (file.TextLength > Limits.MaxFileChars)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.OverLimit,
                    LocationInfo.FileStart(file.Path),
                    fileName,
                    "has " + file.TextLength.ToString("N0", CultureInfo.InvariantCulture) + " characters",
                    Limits.MaxFileChars.ToString("N0", CultureInfo.InvariantCulture) + " characters",
                    manifestName));
                return None;
            }

            if (file.Text is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidOverride,
                    LocationInfo.FileStart(file.Path),
                    fileName,
                    manifestName,
                    "the file cannot be read; check that it exists"));
                return None;
            }

            var result = new Overrides(file.Path, fileName);
            new LineReader(result, TextLines.Of(file.Text), manifestName, diagnostics).ReadAll();
            return result;
        }

        /// <summary>Reports an override problem at <paramref name="location"/>.</summary>
        public DiagnosticInfo Problem(LocationInfo location, string manifestName, string message)
            => DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOverride, location, FileName, manifestName, message);

        private sealed class LineReader
        {
            private readonly Overrides _result;
            private readonly TextLines _lines;
            private readonly string _manifestName;
            private readonly List<DiagnosticInfo> _diagnostics;
            private LocationInfo? _enumNameSeen;
            private LocationInfo? _flagsSeen;

            public LineReader(Overrides result, TextLines lines, string manifestName, List<DiagnosticInfo> diagnostics)
            {
                _result = result;
                _lines = lines;
                _manifestName = manifestName;
                _diagnostics = diagnostics;
            }

            public void ReadAll()
            {
                for (int line = 0; line < _lines.Count; line++)
                {
                    ReadLine(line);
                }
            }

            private void ReadLine(int line)
            {
                string text = _lines[line];
                int start = 0;
                while (start < text.Length && IsBlank(text[start]))
                {
                    start++;
                }

                if (start == text.Length || text[start] == '#')
                {
                    return;
                }

                int equals = text.IndexOf('=', start);
                int keyEnd = equals < 0 ? text.Length : equals;
                List<(string Word, int Start)> words = Words(text, start, keyEnd);
                string keyword = words[0].Word.ToLowerInvariant();
                int argStart = equals < 0 ? text.Length : equals + 1;
                while (argStart < text.Length && IsBlank(text[argStart]))
                {
                    argStart++;
                }

                int argEnd = text.Length;
                while (argEnd > argStart && IsBlank(text[argEnd - 1]))
                {
                    argEnd--;
                }

                string? argument = equals < 0 ? null : text.Substring(argStart, argEnd - argStart);
                LocationInfo lineLocation = Span(line, start, argEnd > start ? argEnd : text.Length);
                LocationInfo argumentLocation = argument is null || argument.Length == 0 ? lineLocation : Span(line, argStart, argEnd);

                switch (keyword)
                {
                    case "enum-name" when words.Count == 1:
                        ReadEnumName(argument, argumentLocation, lineLocation);
                        return;
                    case "flags" when words.Count == 1:
                        ReadFlags(argument, argumentLocation, lineLocation);
                        return;
                    case "value" when words.Count == 2:
                    case "rename" when words.Count == 2:
                    case "add" when words.Count == 2:
                    case "text" when words.Count == 2 && argument is null:
                        ReadMember(keyword, words[1].Word, Span(line, words[1].Start, words[1].Start + words[1].Word.Length), argument, argumentLocation, lineLocation);
                        return;
                    default:
                        Report(lineLocation, "the line '" + Shorten(text.Trim()) + "' is not an override; write 'enum-name = NAME', 'flags = true|false|auto', 'value MEMBER = VALUE', 'rename MEMBER = NEW', 'add MEMBER = VALUE' or 'text NAME'");
                        return;
                }
            }

            private void ReadEnumName(string? argument, LocationInfo argumentLocation, LocationInfo lineLocation)
            {
                if (_enumNameSeen is not null)
                {
                    Report(lineLocation, "'enum-name' is given twice (first on line " + LineOf(_enumNameSeen) + ")");
                }
                else if (argument is null || !Identifiers.IsValid(argument))
                {
                    Report(argumentLocation, "'enum-name = " + Shorten(argument ?? string.Empty) + "' does not give a valid C# identifier");
                }
                else
                {
                    _result.EnumName = argument;
                }

                _enumNameSeen ??= lineLocation;
            }

            private void ReadFlags(string? argument, LocationInfo argumentLocation, LocationInfo lineLocation)
            {
                FlagsMode? mode = (argument ?? string.Empty).ToLowerInvariant() switch
                {
                    "true" or "on" => FlagsMode.On,
                    "false" or "off" => FlagsMode.Off,
                    "auto" => FlagsMode.Auto,
                    _ => null,
                };
                if (_flagsSeen is not null)
                {
                    Report(lineLocation, "'flags' is given twice (first on line " + LineOf(_flagsSeen) + ")");
                }
                else if (mode is null)
                {
                    Report(argumentLocation, "'flags = " + Shorten(argument ?? string.Empty) + "' is not allowed; use true, false or auto");
                }
                else
                {
                    _result.Flags = mode;
                }

                _flagsSeen ??= lineLocation;
            }

            private void ReadMember(string keyword, string member, LocationInfo memberLocation, string? argument, LocationInfo argumentLocation, LocationInfo lineLocation)
            {
                OverrideKind kind = keyword switch
                {
                    "value" => OverrideKind.Value,
                    "rename" => OverrideKind.Rename,
                    "text" => OverrideKind.Text,
                    _ => OverrideKind.Add,
                };
                if (!Identifiers.IsValid(member))
                {
                    Report(memberLocation, "'" + Shorten(member) + "' is not a valid member name");
                    return;
                }

                if (kind != OverrideKind.Add && kind != OverrideKind.Text && (argument is null || argument.Length == 0))
                {
                    Report(lineLocation, "'" + keyword + " " + member + "' needs '= " + (kind == OverrideKind.Rename ? "NEW_NAME" : "VALUE") + "'");
                    return;
                }

                if (kind == OverrideKind.Add && argument is not null && argument.Length == 0)
                {
                    Report(lineLocation, "'add " + member + " =' has no value; write the value, or drop the '='");
                    return;
                }

                if (kind == OverrideKind.Rename && !Identifiers.IsValid(argument!))
                {
                    Report(argumentLocation, "'" + Shorten(argument!) + "' is not a valid C# identifier, so '" + member + "' cannot be renamed to it");
                    return;
                }

                var entry = new MemberOverride(kind, member, argument, memberLocation, argumentLocation);
                MemberOverride? earlier = kind switch
                {
                    OverrideKind.Value => _result.Values.TryGetValue(member, out MemberOverride? v) ? v : null,
                    OverrideKind.Rename => _result.Renames.TryGetValue(member, out MemberOverride? r) ? r : null,
                    OverrideKind.Text => _result.TextNames.TryGetValue(member, out MemberOverride? t) ? t : null,
                    _ => _result.AddedNames.Contains(member) ? _result.Adds.First(a => a.Member == member) : null,
                };
                if (earlier is not null)
                {
                    Report(lineLocation, "'" + keyword + " " + member + "' is given twice (first on line " + LineOf(earlier.MemberLocation) + ")");
                    return;
                }

                switch (kind)
                {
                    case OverrideKind.Value:
                        _result.Values.Add(member, entry);
                        break;
                    case OverrideKind.Rename:
                        _result.Renames.Add(member, entry);
                        break;
                    case OverrideKind.Text:
                        _result.TextNames.Add(member, entry);
                        break;
                    default:
                        _result.Adds.Add(entry);
                        _result.AddedNames.Add(member);
                        break;
                }
            }

            private static List<(string Word, int Start)> Words(string text, int start, int end)
            {
                var words = new List<(string, int)>();
                int p = start;
                while (p < end)
                {
                    while (p < end && IsBlank(text[p]))
                    {
                        p++;
                    }

                    int wordStart = p;
                    while (p < end && !IsBlank(text[p]))
                    {
                        p++;
                    }

                    if (p > wordStart)
                    {
                        words.Add((text.Substring(wordStart, p - wordStart), wordStart));
                    }
                }

                if (words.Count == 0)
                {
                    words.Add((string.Empty, start));
                }

                return words;
            }

            private static bool IsBlank(char c) => c == ' ' || c == '\t' || c == '\uFEFF' || c == '\u00A0';

            /// <summary>Quoted text in a message stays short and on one line.</summary>
            private static string Shorten(string text)
            {
                var chars = (text.Length > 80 ? text.Substring(0, 80) + "..." : text).ToCharArray();
                for (int i = 0; i < chars.Length; i++)
                {
                    if (char.IsControl(chars[i]) || char.GetUnicodeCategory(chars[i]) == UnicodeCategory.Format
                        || chars[i] == '\u2028' || chars[i] == '\u2029')
                    {
                        chars[i] = '?';
                    }
                }

                return new string(chars);
            }

            private static string LineOf(LocationInfo location)
                => (location.Line + 1).ToString(CultureInfo.InvariantCulture);

            private LocationInfo Span(int line, int startColumn, int endColumn)
                => LocationInfo.InLine(_result.Path!, _lines.Start(line), line, startColumn, endColumn);

            private void Report(LocationInfo location, string message)
                => _diagnostics.Add(_result.Problem(location, _manifestName, message));
        }
    }
}
