using System;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Tells a line of the '## -enum-fields' section that is almost a member heading from one that is not meant to be
    /// one. A member heading is exactly <c>### -field NAME</c> (three '#', a space, '-field' in lower case, a space,
    /// the name); a line that would be one after a small edit (a misspelled or differently cased keyword, a missing or
    /// extra space or dash, the wrong number of '#') is a near miss. A near miss must not be read as text: the member
    /// would silently vanish and every later counted value would shift by one.
    /// </summary>
    internal static class MemberHeading
    {
        public const string Keyword = "-field";

        /// <summary>What is wrong with a near miss, and where (columns, 0-based, of the line).</summary>
        internal readonly struct NearMiss
        {
            public NearMiss(string reason, int start, int end)
            {
                Reason = reason;
                Start = start;
                End = end;
            }

            public string Reason { get; }

            public int Start { get; }

            public int End { get; }
        }

        /// <summary>
        /// True when <paramref name="line"/> is a valid member heading: up to three spaces, '###', white space, then
        /// '-field' followed by white space or the end of the line (an empty name is TG0016, not a near miss).
        /// </summary>
        public static bool IsMemberHeading(string line, out int keywordColumn)
        {
            keywordColumn = -1;
            int p = SkipSpaces(line, 0, 3);
            if (!StartsWith(line, p, "###") || p + 3 >= line.Length || !IsSpace(line[p + 3]))
            {
                return false;
            }

            int k = SkipWhiteSpace(line, p + 3);
            if (!StartsWith(line, k, Keyword) || (k + Keyword.Length < line.Length && !IsSpace(line[k + Keyword.Length])))
            {
                return false;
            }

            keywordColumn = k;
            return true;
        }

        /// <summary>
        /// Checks a line of the fields section that is not a valid member heading. Lines that do not start (after
        /// white space) with '#' never are near misses, nor are '#### - NAME' sub-headings, nor headings of several
        /// words ("### About these values"). A level-3 heading of one name ("### AS_READY", "### Remarks") is one:
        /// in the fields section that level is for members.
        /// </summary>
        public static bool IsNearMiss(string line, out NearMiss nearMiss)
        {
            nearMiss = default;
            int indent = SkipWhiteSpace(line, 0);
            int hashes = indent;
            while (hashes < line.Length && line[hashes] == '#')
            {
                hashes++;
            }

            int level = hashes - indent;
            if (level == 0)
            {
                return false;
            }

            int textStart = SkipWhiteSpace(line, hashes);
            bool spaceAfterHashes = textStart > hashes;
            int p = textStart;
            int dashes = 0;
            while (p < line.Length && (IsDash(line[p]) || IsSpace(line[p])))
            {
                dashes += IsDash(line[p]) ? 1 : 0;
                p++;
            }

            int wordStart = p;
            while (p < line.Length && IsNamePart(line[p]))
            {
                p++;
            }

            string word = line.Substring(wordStart, p - wordStart);
            bool keywordLike = IsKeywordLike(word, dashes > 0, out bool gluedName);
            if (keywordLike && (dashes > 0 || gluedName || NameFollows(line, p)))
            {
                nearMiss = Explain(line, indent, level, hashes, spaceAfterHashes, textStart, dashes, wordStart, gluedName ? "field" : word, gluedName);
                return true;
            }

            // The keyword itself is missing: '### - AS_READY', '### -AS_READY', '### AS_READY'. Only at the member
            // level: '#### - NAME' is a sub-heading, and other levels hold prose headings.
            if (level == 3 && spaceAfterHashes && indent <= 3)
            {
                int nameStart = SkipWhiteSpace(line, textStart + CountLeadingDashes(line, textStart));
                int nameEnd = nameStart;
                while (nameEnd < line.Length && IsNamePart(line[nameEnd]))
                {
                    nameEnd++;
                }

                string name = line.Substring(nameStart, nameEnd - nameStart);
                string after = line.Substring(nameEnd).Trim();
                bool dashed = nameStart > textStart;
                bool valueOrNothing = after.Length == 0 || after[0] == ':' || after[0] == '(';
                if (name.Length > 0 && IsNameStart(name[0]) && (dashed || valueOrNothing))
                {
                    nearMiss = new NearMiss("the keyword '-field' is missing before the name", textStart, line.TrimEnd().Length);
                    return true;
                }
            }

            return false;
        }

        /// <summary>Upper-case letters, digits and '_', with at least one '_': how SDK member names look.</summary>
        public static bool LooksLikeMemberName(string text)
        {
            if (text.Length < 3 || !(text[0] >= 'A' && text[0] <= 'Z') || text.IndexOf('_') < 0)
            {
                return false;
            }

            foreach (char c in text)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private static NearMiss Explain(string line, int indent, int level, int hashes, bool spaceAfterHashes, int textStart, int dashes, int wordStart, string word, bool gluedName)
        {
            int wordEnd = wordStart + word.Length;
            string written = line.Substring(textStart, wordEnd - textStart);
            if (indent > 3 || line.Substring(0, indent).IndexOf('\t') >= 0)
            {
                return new NearMiss("it is indented, so Markdown reads it as code rather than a heading", 0, hashes);
            }

            if (level != 3)
            {
                return new NearMiss("a member heading has three '#', this one has " + level.ToString(System.Globalization.CultureInfo.InvariantCulture), indent, hashes);
            }

            if (!spaceAfterHashes)
            {
                return new NearMiss("there is no space after '###'", indent, wordEnd);
            }

            if (gluedName)
            {
                return new NearMiss("there is no space between '-field' and the name", textStart, wordEnd);
            }

            if (!string.Equals(word, "field", StringComparison.Ordinal) && string.Equals(word, "field", StringComparison.OrdinalIgnoreCase))
            {
                return new NearMiss("the keyword is written '" + written + "'; it must be '-field', in lower case", textStart, wordEnd);
            }

            if (!string.Equals(word, "field", StringComparison.OrdinalIgnoreCase))
            {
                return new NearMiss("'" + written + "' is not the keyword '-field'", textStart, wordEnd);
            }

            // The word is 'field'; what is wrong is around it.
            if (written == Keyword)
            {
                return new NearMiss("there is no space after '-field'", wordEnd, Math.Min(wordEnd + 1, line.Length));
            }

            return dashes == 0
                ? new NearMiss("the keyword '-field' lacks its '-'", textStart, wordEnd)
                : new NearMiss("the keyword is written '" + written + "'; it must be '-field', one '-' and no space", textStart, wordEnd);
        }

        /// <summary>
        /// 'field' in any case or a misspelling of it (at most two edits: 'fild', 'feild', 'fields'); after a dash also
        /// 'field' with the name glued on ('-fieldAS_READY').
        /// </summary>
        private static bool IsKeywordLike(string word, bool dashed, out bool gluedName)
        {
            // 'fields' is a misspelling; 'fieldAS_READY' has the name glued on (member names do not start in lower case).
            gluedName = dashed && word.Length > 5 && word.StartsWith("field", StringComparison.Ordinal) && !(word[5] >= 'a' && word[5] <= 'z');
            if (gluedName)
            {
                return true;
            }

            foreach (char c in word)
            {
                if (!IsAsciiLetter(c))
                {
                    return false;
                }
            }

            return word.Length >= 3 && EditDistance(word.ToLowerInvariant(), "field") <= 2;
        }

        /// <summary>After a keyword without a dash: what follows is one name that looks like a member's, maybe with a value.</summary>
        private static bool NameFollows(string line, int p)
        {
            int start = SkipWhiteSpace(line, p);
            if (start == p)
            {
                return false;
            }

            int end = start;
            while (end < line.Length && IsNamePart(line[end]))
            {
                end++;
            }

            string rest = line.Substring(end).Trim();
            return end > start && IsNameStart(line[start]) && (rest.Length == 0 || rest[0] == ':' || rest[0] == '(');
        }

        /// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps).</summary>
        private static int EditDistance(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 2)
            {
                return 3;
            }

            var d = new int[a.Length + 1, b.Length + 1];
            for (int i = 0; i <= a.Length; i++)
            {
                d[i, 0] = i;
            }

            for (int j = 0; j <= b.Length; j++)
            {
                d[0, j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    int best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        best = Math.Min(best, d[i - 2, j - 2] + 1);
                    }

                    d[i, j] = best;
                }
            }

            return d[a.Length, b.Length];
        }

        private static int CountLeadingDashes(string line, int p)
        {
            int start = p;
            while (p < line.Length && IsDash(line[p]))
            {
                p++;
            }

            return p - start;
        }

        private static bool IsDash(char c) => c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212';

        private static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\u00A0';

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsNameStart(char c) => c == '_' || char.IsLetter(c);

        private static bool IsNamePart(char c) => c == '_' || char.IsLetterOrDigit(c);

        private static bool StartsWith(string line, int p, string text)
            => p + text.Length <= line.Length && string.CompareOrdinal(line, p, text, 0, text.Length) == 0;

        private static int SkipSpaces(string line, int p, int max)
        {
            int start = p;
            while (p < line.Length && line[p] == ' ' && p - start < max)
            {
                p++;
            }

            return p;
        }

        private static int SkipWhiteSpace(string line, int p)
        {
            while (p < line.Length && IsSpace(line[p]))
            {
                p++;
            }

            return p;
        }
    }
}
