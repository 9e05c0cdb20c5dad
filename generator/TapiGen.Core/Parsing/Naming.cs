using System;
using System.Collections.Generic;
using System.Text;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Names derived at compile time: .NET-style identifiers and JSON wire names. Word-based and culture-invariant:
    /// words are split at '_', '-', spaces and lower-to-upper changes, so "ASE_NOT_READY" is the words ASE, NOT, READY.
    /// </summary>
    internal static class Naming
    {
        /// <summary>"AGENT_SESSION_EVENT" becomes "AgentSessionEvent".</summary>
        public static string ToPascalCase(string name) => Join(Words(name), WordCase.Capitalized, string.Empty);

        /// <summary>
        /// The members' .NET identifiers: the prefix every name shares up to an '_' (ASE_) dropped, then PascalCase.
        /// Null when that would make two members collide or a name invalid, so the caller keeps the manifest names.
        /// </summary>
        public static string[]? ToDotNetMemberNames(IReadOnlyList<string> names)
        {
            int prefix = SharedPrefixLength(names);
            var result = new string[names.Count];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < names.Count; i++)
            {
                string pascal = Join(Words(names[i].Substring(prefix)), WordCase.Capitalized, string.Empty);
                if (pascal.Length == 0 || char.IsDigit(pascal[0]))
                {
                    pascal = "_" + pascal;
                }

                if (!Identifiers.IsValid(pascal) || !seen.Add(pascal))
                {
                    return null;
                }

                result[i] = pascal;
            }

            return result;
        }

        /// <summary>The JSON name for a text name under a naming option.</summary>
        public static string ToJsonName(string textName, JsonNaming naming)
        {
            switch (naming)
            {
                case JsonNaming.CamelCase:
                    return Join(Words(textName), WordCase.Camel, string.Empty);
                case JsonNaming.PascalCase:
                    return Join(Words(textName), WordCase.Capitalized, string.Empty);
                case JsonNaming.SnakeCaseLower:
                    return Join(Words(textName), WordCase.Lower, "_");
                case JsonNaming.SnakeCaseUpper:
                    return Join(Words(textName), WordCase.Upper, "_");
                case JsonNaming.KebabCaseLower:
                    return Join(Words(textName), WordCase.Lower, "-");
                case JsonNaming.KebabCaseUpper:
                    return Join(Words(textName), WordCase.Upper, "-");
                default:
                    return textName;
            }
        }

        private enum WordCase
        {
            Lower,
            Upper,
            Capitalized,
            Camel,
        }

        private static int SharedPrefixLength(IReadOnlyList<string> names)
        {
            if (names.Count < 2)
            {
                return 0;
            }

            int shared = names[0].Length;
            foreach (string name in names)
            {
                int i = 0;
                while (i < shared && i < name.Length && name[i] == names[0][i])
                {
                    i++;
                }

                shared = i;
            }

            // Only whole words: cut back to just after the last '_' inside the shared part, never a whole name, and
            // never so far that a name would start with a digit (D3D_FEATURE_LEVEL_9_1 keeps "Level": Level9_1).
            int cut = shared == 0 ? -1 : names[0].LastIndexOf('_', shared - 1);
            while (cut >= 0 && !CutLeavesWords(names, cut + 1))
            {
                cut = cut == 0 ? -1 : names[0].LastIndexOf('_', cut - 1);
            }

            return cut + 1;
        }

        private static bool CutLeavesWords(IReadOnlyList<string> names, int length)
        {
            foreach (string name in names)
            {
                if (name.Length <= length || !char.IsLetter(name[length]))
                {
                    return false;
                }
            }

            return true;
        }

        private static List<string> Words(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c == '_' || c == '-' || c == ' ')
                {
                    Flush(words, current);
                    continue;
                }

                bool boundary = current.Length > 0
                    && ((char.IsUpper(c) && char.IsLower(name[i - 1]))
                        || (char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (boundary)
                {
                    Flush(words, current);
                }

                current.Append(c);
            }

            Flush(words, current);
            return words;
        }

        private static void Flush(List<string> words, StringBuilder current)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        private static string Join(List<string> words, WordCase wordCase, string separator)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < words.Count; i++)
            {
                string w = words[i];
                if (i > 0)
                {
                    // Two numbers in a row keep a separator, so LEVEL_9_1 is Level9_1 and not Level91.
                    bool digits = char.IsDigit(w[0]) && char.IsDigit(words[i - 1][words[i - 1].Length - 1]);
                    sb.Append(separator.Length == 0 && digits ? "_" : separator);
                }

                switch (wordCase)
                {
                    case WordCase.Lower:
                        sb.Append(w.ToLowerInvariant());
                        break;
                    case WordCase.Upper:
                        sb.Append(w.ToUpperInvariant());
                        break;
                    case WordCase.Camel when i == 0:
                        sb.Append(w.ToLowerInvariant());
                        break;
                    default:
                        sb.Append(char.ToUpperInvariant(w[0])).Append(w.Substring(1).ToLowerInvariant());
                        break;
                }
            }

            return sb.ToString();
        }
    }
}
