using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Tests.Headers.Oracle
{
    /// <summary>A C token, as far as the oracle needs one: its kind, where it starts and ends in the text, and its line.</summary>
    internal readonly record struct CToken(CTokenKind Kind, int Start, int End, int Line)
    {
        public string Text(string source) => source.Substring(Start, End - Start);

        public bool Is(string source, string text) => End - Start == text.Length && string.CompareOrdinal(source, Start, text, 0, text.Length) == 0;
    }

    internal enum CTokenKind
    {
        Identifier,
        Number,
        String,
        Char,
        Punctuator,
    }

    /// <summary>
    /// The small amount of C lexing the oracle does on its own: splicing lines, removing comments, splitting into tokens,
    /// and rewriting the spellings whose meaning differs between MSVC (LLP64) and gcc on Linux (LP64).
    /// </summary>
    internal static class CText
    {
        /// <summary>
        /// Translation phases 1-3 as far as they matter here: CR LF and lone CR become LF, backslash-newline is spliced,
        /// each comment becomes one space. A block comment's newlines are kept (so code keeps its lines) except on a
        /// directive line, where the comment joins the lines as C says it does. <paramref name="lineOf"/>[i] is the
        /// 1-based line of the original text where line i (0-based) of the result starts.
        /// </summary>
        public static string Clean(string text, out List<int> lineOf)
        {
            // Phases 1-2: newlines, then splices, remembering the original line each spliced line starts on.
            var spliced = new StringBuilder(text.Length);
            var splicedLineOf = new List<int> { 1 };
            int line = 1;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool newline = c == '\n' || c == '\r';
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (newline)
                {
                    line++;
                    spliced.Append('\n');
                    splicedLineOf.Add(line);
                    continue;
                }

                if (c == '\\' && i + 1 < text.Length && (text[i + 1] == '\n' || text[i + 1] == '\r'))
                {
                    i++;
                    if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    line++;
                    continue;
                }

                spliced.Append(c);
            }

            // Phase 3: comments.
            string s = spliced.ToString();
            var sb = new StringBuilder(s.Length);
            var lines = new List<int> { 1 };
            lineOf = lines;
            int sLine = 0; // line of s
            bool lineIsDirective = false;
            bool lineHasContent = false;

            void NewLine()
            {
                sb.Append('\n');
                lines.Add(splicedLineOf[sLine]);
                lineIsDirective = false;
                lineHasContent = false;
            }

            int p = 0;
            while (p < s.Length)
            {
                char c = s[p];
                if (c == '\n')
                {
                    sLine++;
                    NewLine();
                    p++;
                    continue;
                }

                if (c == '/' && p + 1 < s.Length && s[p + 1] == '/')
                {
                    while (p < s.Length && s[p] != '\n')
                    {
                        p++;
                    }

                    sb.Append(' ');
                    continue;
                }

                if (c == '/' && p + 1 < s.Length && s[p + 1] == '*')
                {
                    int close = s.IndexOf("*/", p + 2, StringComparison.Ordinal);
                    int end = close < 0 ? s.Length : close + 2;
                    sb.Append(' ');
                    for (int q = p; q < end; q++)
                    {
                        if (s[q] == '\n')
                        {
                            sLine++;
                            if (!lineIsDirective)
                            {
                                NewLine();
                            }
                        }
                    }

                    p = end;
                    continue;
                }

                if (c == '"' || c == '\'')
                {
                    // A literal, copied as it is, up to its closing quote or the end of the line.
                    int q = p + 1;
                    while (q < s.Length && s[q] != '\n')
                    {
                        if (s[q] == '\\' && q + 1 < s.Length && s[q + 1] != '\n')
                        {
                            q += 2;
                            continue;
                        }

                        if (s[q++] == c)
                        {
                            break;
                        }
                    }

                    sb.Append(s, p, q - p);
                    lineHasContent = true;
                    p = q;
                    continue;
                }

                if (!lineHasContent && c == '#')
                {
                    lineIsDirective = true;
                }

                if (c != ' ' && c != '\t' && c != '\f' && c != '\v')
                {
                    lineHasContent = true;
                }

                sb.Append(c);
                p++;
            }

            return sb.ToString();
        }

        public static bool IsIdentifierStart(char c) => c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (c >= '0' && c <= '9');

        /// <summary>Tokens of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>; lines are counted from <paramref name="firstLine"/>.</summary>
        public static List<CToken> Tokenize(string text, int start = 0, int end = -1, int firstLine = 0)
        {
            if (end < 0)
            {
                end = text.Length;
            }

            var tokens = new List<CToken>();
            int line = firstLine;
            int i = start;
            while (i < end)
            {
                char c = text[i];
                if (c == '\n')
                {
                    line++;
                    i++;
                    continue;
                }

                if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r')
                {
                    i++;
                    continue;
                }

                int s = i;
                if (IsIdentifierStart(c))
                {
                    while (i < end && IsIdentifierPart(text[i]))
                    {
                        i++;
                    }

                    // L"..", u8'..' and the like are one literal.
                    if (i < end && (text[i] == '"' || text[i] == '\'') && IsLiteralPrefix(text, s, i))
                    {
                        char q = text[i];
                        i = SkipLiteral(text, i, end);
                        tokens.Add(new CToken(q == '"' ? CTokenKind.String : CTokenKind.Char, s, i, line));
                        continue;
                    }

                    tokens.Add(new CToken(CTokenKind.Identifier, s, i, line));
                    continue;
                }

                if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < end && text[i + 1] >= '0' && text[i + 1] <= '9'))
                {
                    // A pp-number: digits, letters, underscores, dots, and signs after e/E/p/P.
                    i++;
                    while (i < end)
                    {
                        char d = text[i];
                        if ((d == '+' || d == '-') && (text[i - 1] == 'e' || text[i - 1] == 'E' || text[i - 1] == 'p' || text[i - 1] == 'P'))
                        {
                            i++;
                        }
                        else if (IsIdentifierPart(d) || d == '.')
                        {
                            i++;
                        }
                        else
                        {
                            break;
                        }
                    }

                    tokens.Add(new CToken(CTokenKind.Number, s, i, line));
                    continue;
                }

                if (c == '"' || c == '\'')
                {
                    i = SkipLiteral(text, i, end);
                    tokens.Add(new CToken(c == '"' ? CTokenKind.String : CTokenKind.Char, s, i, line));
                    continue;
                }

                // Two-character punctuators the oracle cares about: ## (so that a##b is not read as a, b) and ::.
                if (i + 1 < end && ((c == '#' && text[i + 1] == '#') || (c == ':' && text[i + 1] == ':')))
                {
                    i += 2;
                }
                else
                {
                    i++;
                }

                tokens.Add(new CToken(CTokenKind.Punctuator, s, i, line));
            }

            return tokens;
        }

        private static bool IsLiteralPrefix(string text, int start, int end)
        {
            string prefix = text.Substring(start, end - start);
            return prefix is "L" or "u" or "U" or "u8";
        }

        private static int SkipLiteral(string text, int i, int end)
        {
            char q = text[i];
            i++;
            while (i < end && text[i] != '\n')
            {
                if (text[i] == '\\' && i + 1 < end && text[i + 1] != '\n')
                {
                    i += 2;
                    continue;
                }

                if (text[i] == q)
                {
                    return i + 1;
                }

                i++;
            }

            return i;
        }

        /// <summary>
        /// Makes text written for MSVC x64 (LLP64, 32-bit long) mean the same under gcc on Linux x86-64 (LP64,
        /// 64-bit long), for the integer constant expressions enum values and macros are made of:
        /// <list type="bullet">
        /// <item>the keyword <c>long</c> becomes <c>int</c> (<c>long int</c> too, so <c>(unsigned long)</c> is 32-bit),
        /// but <c>long long</c> and <c>long double</c> stay;</item>
        /// <item>integer suffixes: <c>L</c> is dropped and <c>UL</c>/<c>LU</c> become <c>U</c> (without the L, C's
        /// int, unsigned int, then 64-bit rule gives the types MSVC's 32-bit long and unsigned long give), <c>LL</c>
        /// stays, and MSVC's <c>i64</c>/<c>ui64</c> become <c>LL</c>/<c>ULL</c>, <c>i8/i16/i32</c> nothing and
        /// <c>ui8/ui16/ui32</c> <c>U</c>.</item>
        /// </list>
        /// String and character literals are left alone. Typedef names (LONG, DWORD, ...) need no rewriting: the
        /// prelude declares them with MSVC's sizes.
        /// </summary>
        public static string RewriteForLlp64(string text)
        {
            List<CToken> tokens = Tokenize(text);
            StringBuilder? sb = null;
            int copied = 0;

            void Replace(int start, int end, string with)
            {
                sb ??= new StringBuilder(text.Length);
                sb.Append(text, copied, start - copied).Append(with);
                copied = end;
            }

            for (int t = 0; t < tokens.Count; t++)
            {
                CToken token = tokens[t];
                if (token.Kind == CTokenKind.Identifier && token.Is(text, "long"))
                {
                    CToken? next = t + 1 < tokens.Count ? tokens[t + 1] : null;
                    if (next is { Kind: CTokenKind.Identifier } nx && (nx.Is(text, "long") || nx.Is(text, "double")))
                    {
                        t++; // long long, long double: the same on both
                        continue;
                    }

                    if (next is { Kind: CTokenKind.Identifier } ni && ni.Is(text, "int"))
                    {
                        Replace(token.Start, ni.End, "int");
                        t++;
                        continue;
                    }

                    Replace(token.Start, token.End, "int");
                    continue;
                }

                if (token.Kind == CTokenKind.Number)
                {
                    string? rewritten = RewriteIntegerSuffix(text.Substring(token.Start, token.End - token.Start));
                    if (rewritten is not null)
                    {
                        Replace(token.Start, token.End, rewritten);
                    }
                }
            }

            if (sb is null)
            {
                return text;
            }

            sb.Append(text, copied, text.Length - copied);
            return sb.ToString();
        }

        /// <summary>The literal with an MSVC suffix rewritten for LP64, or null when it stays as it is.</summary>
        internal static string? RewriteIntegerSuffix(string number)
        {
            int i;
            if (number.Length > 2 && number[0] == '0' && (number[1] == 'x' || number[1] == 'X'))
            {
                i = 2;
                while (i < number.Length && Uri.IsHexDigit(number[i]))
                {
                    i++;
                }

                if (i == 2)
                {
                    return null;
                }
            }
            else
            {
                i = 0;
                while (i < number.Length && number[i] >= '0' && number[i] <= '9')
                {
                    i++;
                }

                if (i == 0)
                {
                    return null;
                }
            }

            string digits = number.Substring(0, i);
            string suffix = number.Substring(i).ToLowerInvariant();
            string? replacement = suffix switch
            {
                "l" => "",
                "ul" or "lu" => "U",
                "i8" or "i16" or "i32" => "",
                "ui8" or "ui16" or "ui32" => "U",
                "i64" => "LL",
                "ui64" => "ULL",
                _ => null, // no suffix, u, ll, ull, or not an integer (1.0, 1e5): unchanged
            };
            return replacement is null ? null : digits + replacement;
        }
    }
}
