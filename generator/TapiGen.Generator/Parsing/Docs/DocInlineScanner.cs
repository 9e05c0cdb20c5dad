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

        private readonly DocTreeBuilder _tree;
        private readonly StringBuilder _text = new StringBuilder();

        /// <summary>Closers already searched for in vain: (delimiter, length) and the end of that search.</summary>
        private readonly Dictionary<(char, int), int> _failed = new Dictionary<(char, int), int>();
        private string _s = "";
        private bool _markdown;
        private int _lineFrom;
        private int _lineEnd;

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

        /// <summary>Scans <c>[i, end)</c>; each handler returns where it stopped, or -1 if the character is just text.</summary>
        private void Scan(int i, int end, int depth)
        {
            while (i < end)
            {
                char c = _s[i];
                int next = c switch
                {
                    '<' => Tag(i, end),
                    '&' => DocChars.DecodeEntity(_s, i, end, _text) is int n && n > 0 ? i + n : -1,
                    '\\' when _markdown => i + 1 < end && DocChars.IsAsciiPunctuation(_s[i + 1]) ? Literal(i + 1, 1) : -1,
                    '`' when _markdown => CodeSpan(i, end),
                    '*' when _markdown && depth < MaxDepth => Stars(i, end, depth),
                    '_' when _markdown => Underscore(i, end),
                    '[' or '!' when _markdown && depth < MaxDepth => Link(i, end, depth),
                    _ => -1,
                };
                i = next >= 0 ? next : Literal(i, 1);
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

        /// <summary>The index of the first character from <paramref name="j"/> on that is not <paramref name="skipped"/>.</summary>
        private int Skip(int j, int end, Func<char, bool> skipped)
        {
            while (j < end && skipped(_s[j]))
            {
                j++;
            }

            return j;
        }

        private int RunLength(int i, int end) => Skip(i, end, c => c == _s[i]) - i;

        private int LineEnd(int i, int end)
        {
            if (i < _lineFrom || i > _lineEnd)
            {
                _lineFrom = i;
                _lineEnd = _s.IndexOf('\n', i) is int n && n >= 0 ? n : _s.Length;
            }

            return Math.Min(_lineEnd, end);
        }

        /// <summary>
        /// The next run of exactly <paramref name="length"/> <paramref name="c"/>s in <c>[from, limit)</c> that
        /// <paramref name="closes"/> accepts, or -1. Remembers a failure, so that scanning stays linear.
        /// </summary>
        private int FindCloser(char c, int length, int from, int limit, Func<int, bool> closes)
        {
            if (_failed.TryGetValue((c, length), out int failedLimit) && failedLimit == limit)
            {
                return -1;
            }

            for (int j = from; j < limit;)
            {
                int close = _s.IndexOf(c, j, limit - j);
                if (close < 0)
                {
                    break;
                }

                int run = RunLength(close, limit);
                if (run == length && closes(close))
                {
                    return close;
                }

                j = close + run;
            }

            _failed[(c, length)] = limit;
            return -1;
        }

        /// <summary>A code span: a run of backticks up to the next run of the same length; its content is literal.</summary>
        private int CodeSpan(int i, int end)
        {
            int n = RunLength(i, end);
            int close = n <= MaxTicks ? FindCloser('`', n, i + n, end, _ => true) : -1;
            if (close < 0)
            {
                return Literal(i, n);
            }

            string code = _s.Substring(i + n, close - i - n).Replace('\n', ' ');
            bool padded = code.Length > 2 && code[0] == ' ' && code[code.Length - 1] == ' ' && !DocChars.IsAllWhite(code);
            Flush();
            DocNode? span = _tree.OpenInline(DocKind.Code);
            _tree.Text(padded ? code.Substring(1, code.Length - 2) : code);
            _tree.Close(span);
            return close + n;
        }

        /// <summary><c>*x*</c> or <c>**x**</c> within one line, the delimiters touching the text only on their inner side.</summary>
        private int Stars(int i, int end, int depth)
        {
            int n = RunLength(i, end);
            bool opens = n <= 2 && (i == 0 || !char.IsLetterOrDigit(_s[i - 1])) && i + n < end && !char.IsWhiteSpace(_s[i + n]);
            int close = opens
                ? FindCloser('*', n, i + n, LineEnd(i, end), j => !char.IsWhiteSpace(_s[j - 1]) && (j + n >= end || !char.IsLetterOrDigit(_s[j + n])))
                : -1;
            if (close < 0)
            {
                return Literal(i, n);
            }

            Flush();
            DocNode? emphasis = _tree.OpenInline(n == 2 ? DocKind.Bold : DocKind.Italic);
            Scan(i + n, close, depth + 1);
            Flush();
            _tree.Close(emphasis);
            return close + n;
        }

        /// <summary><c>_word_</c>: one word of letters and digits with a lower-case letter, not inside a longer word.</summary>
        private int Underscore(int i, int end)
        {
            int n = RunLength(i, end);
            int j = Skip(i + 1, end, char.IsLetterOrDigit);
            bool word = n == 1 && j < end && _s[j] == '_' && (i == 0 || !IsWordChar(_s[i - 1])) && (j + 1 >= end || !IsWordChar(_s[j + 1])) &&
                        _s.Substring(i + 1, j - i - 1) is string text && text.ToUpperInvariant() != text;
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
            int close = open + 1 < end && _s[open] == '[' ? _s.IndexOfAny(Brackets, open + 1, end - open - 1) : -1;
            string url = "";
            int after = close > 0 && _s[close] == ']' && close + 1 < end && _s[close + 1] == '(' ? Destination(close + 2, end, out url) : -1;
            if (after < 0)
            {
                return -1;
            }

            if (!image)
            {
                Flush();
                DocNode? link = _tree.OpenInline(DocKind.Link, DocChars.ResolveHref(url));
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
            j = Skip(j, end, c => c == ' ' || c == '\t');
            bool angle = j < end && _s[j] == '<';
            int parens = 0;
            for (j += angle ? 1 : 0; j < end && url.Length < MaxDestination; j++)
            {
                char c = _s[j];
                if (angle ? c == '>' || c == '<' || c == '\n' : char.IsWhiteSpace(c) || (c == ')' && parens == 0))
                {
                    break;
                }

                parens += c == '(' ? 1 : c == ')' ? -1 : 0;
                int entity = c == '&' ? DocChars.DecodeEntity(_s, j, end, url) : 0;
                j += entity > 0 ? entity - 1 : c == '\\' && j + 1 < end && DocChars.IsAsciiPunctuation(_s[j + 1]) ? 1 : 0;
                url.Append(entity > 0 ? "" : _s[j].ToString());
            }

            destination = url.ToString();
            j = Skip(angle && j < end && _s[j] == '>' ? j + 1 : j, end, char.IsWhiteSpace);
            if (j < end && (_s[j] == '"' || _s[j] == '\''))
            {
                int title = _s.IndexOf(_s[j], j + 1, Math.Min(end - j - 1, MaxDestination));
                j = title < 0 ? end : Skip(title + 1, end, char.IsWhiteSpace);
            }

            return j < end && _s[j] == ')' ? j + 1 : -1;
        }

        /// <summary>An HTML tag or comment; a tag ends at the first '&gt;' outside quotes and may not contain '&lt;'.</summary>
        private int Tag(int i, int end)
        {
            if (i + 4 <= end && string.CompareOrdinal(_s, i, "<!--", 0, 4) == 0)
            {
                int comment = FindCloser('-', 2, i + 4, end, j => j + 2 < end && _s[j + 2] == '>');
                return comment < 0 ? -1 : comment + 3;
            }

            bool closing = i + 1 < end && _s[i + 1] == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int j = Skip(nameStart, end, c => DocChars.IsAsciiLetterOrDigit(c) || c == '-');
            if (j == nameStart || !DocChars.IsAsciiLetter(_s[nameStart]))
            {
                return -1;
            }

            string name = _s.Substring(nameStart, j - nameStart).ToLowerInvariant();
            string? href = null;
            string? cssClass = null;
            while (true)
            {
                int attribute = Skip(j, end, char.IsWhiteSpace);
                if (attribute < end && (_s[attribute] == '>' || string.CompareOrdinal(_s, attribute, "/>", 0, 2) == 0))
                {
                    j = attribute + (_s[attribute] == '>' ? 1 : 2);
                    break;
                }

                // An attribute needs white space before it ("<https://x>" is no tag); a closing tag has none.
                int nameEnd = Skip(attribute, end, c => !char.IsWhiteSpace(c) && c != '/' && c != '>' && c != '=' && c != '<');
                if (closing || attribute == j || nameEnd == attribute)
                {
                    return -1;
                }

                string value = "";
                j = nameEnd < end && _s[nameEnd] == '=' ? AttributeValue(nameEnd + 1, end, out value) : nameEnd;
                if (j < 0)
                {
                    return -1;
                }

                string attributeName = _s.Substring(attribute, nameEnd - attribute).ToLowerInvariant();
                href = attributeName == "href" ? DocChars.DecodeEntities(value) : href;
                cssClass = attributeName == "class" ? value : cssClass;
            }

            Flush();
            if (!closing && (name == "script" || name == "style"))
            {
                // Script and style content is not text: skip to the closing tag, or to the end.
                int close = _s.IndexOf("</" + name, j, end - j, StringComparison.OrdinalIgnoreCase);
                int gt = close < 0 ? -1 : _s.IndexOf('>', close, end - close);
                return gt < 0 ? end : gt + 1;
            }

            if (closing)
            {
                _tree.CloseTag(name);
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
            j = Skip(j, end, char.IsWhiteSpace);
            char quote = j < end && (_s[j] == '"' || _s[j] == '\'') ? _s[j] : '\0';
            int start = quote == '\0' ? j : j + 1;
            int k = Skip(start, end, c => c != '<' && (quote == '\0' ? !char.IsWhiteSpace(c) && c != '>' : c != quote));
            value = _s.Substring(start, k - start);
            return k >= end || _s[k] == '<' ? -1 : quote == '\0' ? k : k + 1;
        }
    }
}
