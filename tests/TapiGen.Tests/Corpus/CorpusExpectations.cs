using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using TapiGen.Tests.Infrastructure;

namespace TapiGen.Tests.Corpus
{
    /// <summary>A sampled member: its name, the value it must have, and the line of expectations.txt that says so.</summary>
    public sealed record MemberExpectation(string Name, BigInteger Value, int Line);

    /// <summary>What one corpus page must generate, as written in Corpus/expectations.txt (see the format there).</summary>
    public sealed class PageExpectation
    {
        public PageExpectation(string page, int line)
        {
            Page = page;
            Line = line;
        }

        /// <summary>The page's path under the corpus, with '/': "sdk-api/tapi3/ne-tapi3-agent_event.md".</summary>
        public string Page { get; }

        public int Line { get; }

        public string? EnumName { get; set; }

        public string? Underlying { get; set; }

        public bool Flags { get; set; }

        public int? MemberCount { get; set; }

        /// <summary>Every diagnostic id the page gets, with how many times; empty for "diagnostics none".</summary>
        public SortedDictionary<string, int>? Diagnostics { get; set; }

        /// <summary>TapiEnum metadata for this page ("option ValuesFromDescriptions=true").</summary>
        public Dictionary<string, string> Options { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>An overrides file in Corpus/Overrides applied to this page.</summary>
        public string? Overrides { get; set; }

        public List<MemberExpectation> Members { get; } = new List<MemberExpectation>();

        public string Folder => Page.Substring(0, Page.IndexOf('/'));

        public string Where => "expectations.txt line " + Line.ToString(CultureInfo.InvariantCulture) + " (" + Page + ")";
    }

    /// <summary>Reads Corpus/expectations.txt; any line it cannot read fails the tests with its line number.</summary>
    public static class CorpusExpectations
    {
        public static string Directory => Path.Combine(RepoPaths.Root, "tests", "TapiGen.Tests", "Corpus");

        public static string OverridesDirectory => Path.Combine(Directory, "Overrides");

        private static readonly Lazy<List<PageExpectation>> s_all = new Lazy<List<PageExpectation>>(() => Parse(File.ReadAllLines(Path.Combine(Directory, "expectations.txt"))));

        public static IReadOnlyList<PageExpectation> All => s_all.Value;

        public static List<PageExpectation> Parse(IReadOnlyList<string> lines)
        {
            var pages = new List<PageExpectation>();
            PageExpectation? current = null;
            for (int i = 0; i < lines.Count; i++)
            {
                string line = StripComment(lines[i]).Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                FormatException Fail(string why) => new FormatException("expectations.txt line " + (i + 1).ToString(CultureInfo.InvariantCulture) + ": " + why + ": " + lines[i]);
                string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (words[0] == "page")
                {
                    current = new PageExpectation(words.Length == 2 ? words[1] : throw Fail("expected 'page FOLDER/HEADER/FILE.md'"), i + 1);
                    pages.Add(current);
                    continue;
                }

                if (current is null)
                {
                    throw Fail("a 'page' line must come first");
                }

                switch (words[0])
                {
                    case "enum":
                        // enum NAME : TYPE [flags]
                        if (words.Length < 4 || words[2] != ":" || (words.Length == 5 && words[4] != "flags") || words.Length > 5)
                        {
                            throw Fail("expected 'enum NAME : int|uint|long|ulong [flags]'");
                        }

                        current.EnumName = words[1];
                        current.Underlying = words[3];
                        current.Flags = words.Length == 5;
                        break;
                    case "members":
                        current.MemberCount = words.Length == 2 && int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : throw Fail("expected 'members N'");
                        break;
                    case "diagnostics":
                        current.Diagnostics = new SortedDictionary<string, int>(StringComparer.Ordinal);
                        foreach (string item in words.Skip(1).Where(w => w != "none"))
                        {
                            string[] parts = item.Split('x');
                            current.Diagnostics[parts[0]] = parts.Length == 1 ? 1
                                : parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count
                                : throw Fail("expected 'diagnostics none' or 'diagnostics ID[xCOUNT] ...'");
                        }

                        break;
                    case "option":
                        string[] kv = words.Length == 2 ? words[1].Split('=') : new string[0];
                        if (kv.Length != 2)
                        {
                            throw Fail("expected 'option NAME=VALUE'");
                        }

                        current.Options[kv[0]] = kv[1];
                        break;
                    case "overrides":
                        current.Overrides = words.Length == 2 ? words[1] : throw Fail("expected 'overrides FILE'");
                        break;
                    default:
                        // NAME = VALUE
                        if (words.Length != 3 || words[1] != "=" || !TryParseValue(words[2], out BigInteger value))
                        {
                            throw Fail("expected 'MEMBER = VALUE' (decimal, or 0x hexadecimal)");
                        }

                        current.Members.Add(new MemberExpectation(words[0], value, i + 1));
                        break;
                }
            }

            return pages;
        }

        private static string StripComment(string line)
        {
            int hash = line.IndexOf('#');
            return hash < 0 ? line : line.Substring(0, hash);
        }

        private static bool TryParseValue(string text, out BigInteger value)
        {
            if (text.StartsWith("0x", StringComparison.Ordinal))
            {
                return BigInteger.TryParse("0" + text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
            }

            return BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }
    }
}
