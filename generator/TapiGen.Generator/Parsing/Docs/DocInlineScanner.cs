using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Tokenizes one run of text (a paragraph, a heading, an HTML block) into the tree builder's calls: HTML tags,
    /// comments and entities everywhere; in Markdown text also backslash escapes, code spans, emphasis and links.
    /// </summary>
    /// <remarks>
    /// Emphasis is conservative: <c>*x*</c>/<c>**x**</c> only when both delimiters are on one line and neither touches a
    /// letter or digit on its outer side; <c>_x_</c> only around a single word with a lower-case letter and no
    /// underscore, so identifiers such as <c>ASE_NOT_READY</c>, <c>_SVGIO</c> or <c>__init__</c> stay as they are.
    /// Scanning stays linear: a tag ends at the next '&lt;', and a search for a closer that failed is not repeated.
    /// </remarks>
    internal sealed class DocInlineScanner
    {
        private const int MaxDepth = 16;
        private const int MaxTicks = 32;
        private const int MaxDestination = 1000;

        private static readonly char[] Brackets = { '[', ']' };

        private static readonly HashSet<string> SkippedContent = new HashSet<string>(StringComparer.Ordinal) { "script", "style" };

        private readonly DocTreeBuilder _tree;
        private readonly StringBuilder _text = new StringBuilder();

        /// <summary>Closers already searched for in vain: (delimiter and length, end of the search).</summary>
        private readonly Dictionary<(char, int), int> _failed = new Dictionary<(char, int), int>();
        private string _s = "";
        private bool _markdown;
        private int _lineFrom = -1;
        private int _lineEnd = -1;

        public DocInlineScanner(DocTreeBuilder tree)
        {
            _tree = tree;
        }

        public void Run(string text, bool markdown)
        {
            _s = text;
            _markdown = markdown;
            _failed.Clear();
            _lineFrom = _lineEnd = -1;
            Scan(0, text.Length, 0);
            Flush();
        }

        private void Scan(int i, int end, int depth)
        {
            while (i < end)
            {
                char c = _s[i];
                int next = c switch
                {
                    '<' => Tag(i, end),
                    '&' => Entity(i, end),
                    '\\' when _markdown => i + 1 < end && DocChars.IsAsciiPunctuation(_s[i + 1]) ? Literal(i + 1, 1) : -1,
                    '`' when _markdown => CodeSpan(i, end),
                    '*' when _markdown => depth < MaxDepth ? Stars(i, end, depth) : -1,
                    '_' when _markdown => Underscore(i, end),
                    '[' or '!' when _markdown => depth < MaxDepth ? Link(i, end, depth) : -1,
                    _ => -1,
                };
                if (next < 0)
                {
                    _text.Append(c);
                    i++;
                }
                else
                {
                    i = next;
                }
            }
        }

        private int Literal(int i, int length)
        {
            _text.Append(_s, i, length);
            return i + length;
        }

        private void Flush()
        {
            if (_text.Length > 0)
            {
                _tree.Text(_text.ToString());
                _text.Clear();
            }
        }

        private int Run(int i, int end, char c)
        {
            int j = i;
            while (j < end && _s[j] == c)
            {
                j++;
            }

            return j - i;
        }

        private int LineEnd(int i, int end)
        {
            if (i < _lineFrom || i > _lineEnd)
            {
                _lineFrom = i;
                int n = _s.IndexOf('\n', i);
                _lineEnd = n < 0 ? _s.Length : n;
            }

            return Math.Min(_lineEnd, end);
        }

        private bool FailedBefore(char c, int length, int limit) => _failed.TryGetValue((c, length), out int f) && f == limit;

        private int Entity(int i, int end)
        {
            int length = DocChars.DecodeEntity(_s, i, end, _text);
            return length > 0 ? i + length : -1;
        }

        /// <summary>A code span: a run of backticks up to the next run of the same length; its content is literal.</summary>
        private int CodeSpan(int i, int end)
        {
            int n = Run(i, end, '`');
            int j = i + n;
            while (n <= MaxTicks && !FailedBefore('`', n, end))
            {
                int close = _s.IndexOf('`', j, end - j);
                if (close < 0)
                {
                    _failed[('`', n)] = end;
                    break;
                }

                int m = Run(close, end, '`');
                if (m == n)
                {
                    string code = _s.Substring(i + n, close - i - n).Replace('\n', ' ');
                    if (code.Length > 2 && code[0] == ' ' && code[code.Length - 1] == ' ' && !DocChars.IsAllWhite(code))
                    {
                        code = code.Substring(1, code.Length - 2);
                    }

                    Flush();
                    DocNode? span = _tree.OpenInline(DocKind.Code);
                    _tree.Text(code);
                    _tree.Close(span);
                    return close + m;
                }

                j = close + m;
            }

            return Literal(i, n);
        }

        /// <summary><c>*x*</c> or <c>**x**</c> within one line, the delimiters touching the text only on their inner side.</summary>
        private int Stars(int i, int end, int depth)
        {
            int n = Run(i, end, '*');
            bool opens = n <= 2 && (i == 0 || !char.IsLetterOrDigit(_s[i - 1])) && i + n < end && !char.IsWhiteSpace(_s[i + n]);
            int limit = LineEnd(i, end);
            for (int j = i + n; opens && !FailedBefore('*', n, limit);)
            {
                int close = _s.IndexOf('*', j, limit - j);
                if (close < 0)
                {
                    _failed[('*', n)] = limit;
                    break;
                }

                int m = Run(close, limit, '*');
                if (m == n && !char.IsWhiteSpace(_s[close - 1]) && (close + m >= end || !char.IsLetterOrDigit(_s[close + m])))
                {
                    Flush();
                    DocNode? emphasis = _tree.OpenInline(n == 2 ? DocKind.Bold : DocKind.Italic);
                    Scan(i + n, close, depth + 1);
                    Flush();
                    _tree.Close(emphasis);
                    return close + m;
                }

                j = close + m;
            }

            return Literal(i, n);
        }

        /// <summary><c>_word_</c>: one word of letters and digits with a lower-case letter, not inside a longer word.</summary>
        private int Underscore(int i, int end)
        {
            int n = Run(i, end, '_');
            int j = i + 1;
            bool lower = false;
            while (n == 1 && j < end && char.IsLetterOrDigit(_s[j]))
            {
                lower |= char.IsLower(_s[j]);
                j++;
            }

            bool word = n == 1 && lower && (i == 0 || !IsWordChar(_s[i - 1])) && j < end && _s[j] == '_' && (j + 1 >= end || !IsWordChar(_s[j + 1]));
            if (!word)
            {
                return Literal(i, n);
            }

            Flush();
            DocNode? italic = _tree.OpenInline(DocKind.Italic);
            _tree.Text(_s.Substring(i + 1, j - i - 1));
            _tree.Close(italic);
            return j + 1;
        }

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

        /// <summary><c>[text](url "title")</c>, and <c>![alt](src)</c>, an image, which is dropped.</summary>
        private int Link(int i, int end, int depth)
        {
            bool image = _s[i] == '!';
            int open = image ? i + 1 : i;
            if (open >= end || _s[open] != '[')
            {
                return -1;
            }

            int close = _s.IndexOfAny(Brackets, open + 1, end - open - 1);
            if (close < 0 || _s[close] != ']' || close + 1 >= end || _s[close + 1] != '(')
            {
                return -1;
            }

            int after = Destination(close + 2, end, out string destination);
            if (after < 0)
            {
                return -1;
            }

            if (!image)
            {
                Flush();
                DocNode? link = _tree.OpenInline(DocKind.Link, DocChars.ResolveHref(destination));
                Scan(open + 1, close, depth + 1);
                Flush();
                _tree.Close(link);
            }

            return after;
        }

        /// <summary>Reads <c>url "title")</c> or <c>&lt;url&gt;)</c>; returns the index after the ')' or -1.</summary>
        private int Destination(int j, int end, out string destination)
        {
            var url = new StringBuilder();
            destination = "";
            j = SkipSpaces(j, end);
            bool angle = j < end && _s[j] == '<';
            int depth = 0;
            for (j += angle ? 1 : 0; j < end && url.Length < MaxDestination; j++)
            {
                char c = _s[j];
                if (angle ? c == '>' : char.IsWhiteSpace(c) || (c == ')' && depth == 0))
                {
                    break;
                }

                if (c == '\n' || (angle && c == '<'))
                {
                    return -1;
                }

                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                int entity = c == '&' ? DocChars.DecodeEntity(_s, j, end, url) : 0;
                bool escape = c == '\\' && j + 1 < end && DocChars.IsAsciiPunctuation(_s[j + 1]);
                j += entity > 0 ? entity - 1 : escape ? 1 : 0;
                if (entity == 0)
                {
                    url.Append(_s[j]);
                }
            }

            j = SkipSpaces(j + (angle ? 1 : 0), end);
            if (j < end && (_s[j] == '"' || _s[j] == '\''))
            {
                int title = _s.IndexOf(_s[j], j + 1, Math.Min(end - j - 1, MaxDestination));
                j = title < 0 ? end : SkipSpaces(title + 1, end);
            }

            destination = url.ToString();
            return j < end && _s[j] == ')' ? j + 1 : -1;
        }

        private int SkipSpaces(int j, int end)
        {
            while (j < end && (_s[j] == ' ' || _s[j] == '\t'))
            {
                j++;
            }

            return j;
        }

        /// <summary>An HTML tag or comment; a tag ends at the first '&gt;' outside quotes and may not contain '&lt;'.</summary>
        private int Tag(int i, int end)
        {
            if (i + 4 <= end && string.CompareOrdinal(_s, i, "<!--", 0, 4) == 0)
            {
                int close = FailedBefore('-', 2, end) ? -1 : _s.IndexOf("-->", i + 4, end - i - 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    _failed[('-', 2)] = end;
                }

                return close < 0 ? -1 : close + 3;
            }

            int j = i + 1;
            bool closing = j < end && _s[j] == '/';
            j += closing ? 1 : 0;
            int nameStart = j;
            while (j < end && (DocChars.IsAsciiLetterOrDigit(_s[j]) || (_s[j] == '-' && j > nameStart)))
            {
                j++;
            }

            if (j == nameStart || !DocChars.IsAsciiLetter(_s[nameStart]))
            {
                return -1;
            }

            string name = _s.Substring(nameStart, j - nameStart).ToLowerInvariant();
            string? href = null;
            string? cssClass = null;
            while (true)
            {
                int k = j;
                while (j < end && char.IsWhiteSpace(_s[j]))
                {
                    j++;
                }

                if (j >= end || _s[j] == '<')
                {
                    return -1;
                }

                if (_s[j] == '>' || (_s[j] == '/' && j + 1 < end && _s[j + 1] == '>'))
                {
                    j += _s[j] == '>' ? 1 : 2;
                    break;
                }

                int attrStart = j;
                while (j < end && !char.IsWhiteSpace(_s[j]) && _s[j] != '/' && _s[j] != '>' && _s[j] != '=' && _s[j] != '<')
                {
                    j++;
                }

                // Attributes need white space before them ("<https://x>" is no tag); closing tags have none.
                if (closing || j == attrStart || k == attrStart)
                {
                    return -1;
                }

                string attr = _s.Substring(attrStart, j - attrStart).ToLowerInvariant();
                string value = "";
                if (j < end && _s[j] == '=')
                {
                    j = AttributeValue(j + 1, end, out value);
                    if (j < 0)
                    {
                        return -1;
                    }
                }

                href = attr == "href" ? DocChars.DecodeEntities(value) : href;
                cssClass = attr == "class" ? value : cssClass;
            }

            Flush();
            if (closing)
            {
                _tree.CloseTag(name);
            }
            else if (SkippedContent.Contains(name))
            {
                // Script and style content is not text: skip to the closing tag, or to the end.
                int close = _s.IndexOf("</" + name, j, end - j, StringComparison.OrdinalIgnoreCase);
                int gt = close < 0 ? -1 : _s.IndexOf('>', close, end - close);
                return gt < 0 ? end : gt + 1;
            }
            else
            {
                _tree.OpenTag(name, href, cssClass);
            }

            return j;
        }

        /// <summary>A quoted or bare attribute value; returns the index after it, or -1 if a '&lt;' comes first.</summary>
        private int AttributeValue(int j, int end, out string value)
        {
            while (j < end && char.IsWhiteSpace(_s[j]))
            {
                j++;
            }

            char quote = j < end && (_s[j] == '"' || _s[j] == '\'') ? _s[j] : '\0';
            int start = quote == '\0' ? j : j + 1;
            int k = start;
            while (k < end && _s[k] != '<' && (quote == '\0' ? !char.IsWhiteSpace(_s[k]) && _s[k] != '>' : _s[k] != quote))
            {
                k++;
            }

            value = _s.Substring(start, k - start);
            if (k >= end || _s[k] == '<')
            {
                return -1;
            }

            return quote == '\0' ? k : k + 1;
        }
    }
}
