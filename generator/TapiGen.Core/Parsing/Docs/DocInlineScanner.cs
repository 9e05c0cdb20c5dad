using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Tokenizes one run of text (a paragraph, a heading, an HTML block) into the tree builder's calls: HTML tags,
    /// comments and entities everywhere; in Markdown text also backslash escapes, code spans, emphasis and links.
    /// </summary>
    /// <remarks>
    /// Emphasis is conservative: <c>*x*</c>/<c>**x**</c> only when both delimiters are on one line and neither touches a
    /// letter or digit on its outer side. Underscores are never emphasis: no page uses <c>_x_</c>, but identifiers such
    /// as <c>ASE_NOT_READY</c>, <c>_SVGIO</c> or <c>__init__</c> are everywhere.
    /// Scanning stays linear: a tag ends at the next '&lt;', and a search for a closer that failed is not repeated.
    /// </remarks>
    internal sealed class DocInlineScanner
    {
        private const int MaxDepth = 16;
        private const int MaxTicks = 32;
        private const int MaxDestination = 1000;

        private static readonly char[] Brackets = { '[', ']' };

        /// <summary>
        /// An HTML tag at the start: a name, then attributes, each after white space, with a quoted or bare value or
        /// none (an empty value then, so that values and names pair up). Nothing in it may be a '&lt;'.
        /// </summary>
        private static readonly Regex TagPattern = new Regex(
            @"\G<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)" +
            @"(?>\s+(?<attr>[^\s/>=<""']+)(?:\s*=\s*(?:""(?<value>[^""<]*)""|'(?<value>[^'<]*)'|(?<value>[^\s>""'<]+))|(?<value>)))*" +
            @"\s*/?>",
            RegexOptions.CultureInvariant);

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

        /// <summary>Wraps what <paramref name="inside"/> adds in a new inline element.</summary>
        private void Element(DocKind kind, string? href, Action inside)
        {
            Flush();
            DocNode? element = _tree.OpenInline(kind, href);
            inside();
            Flush();
            _tree.Close(element);
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
            Element(DocKind.Code, null, () => _text.Append(padded ? code.Substring(1, code.Length - 2) : code));
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

            Element(n == 2 ? DocKind.Bold : DocKind.Italic, null, () => Scan(i + n, close, depth + 1));
            return close + n;
        }

        /// <summary><c>[text](url)</c>, and <c>![alt](src)</c>, an image, which is dropped.</summary>
        private int Link(int i, int end, int depth)
        {
            bool image = _s[i] == '!';
            int open = image ? i + 1 : i;
            int close = open + 1 < end && _s[open] == '[' ? _s.IndexOfAny(Brackets, open + 1, end - open - 1) : -1;
            var url = new StringBuilder();
            int after = close > 0 && _s[close] == ']' && close + 1 < end && _s[close + 1] == '(' ? Destination(close + 2, end, url) : -1;
            if (after > 0 && !image)
            {
                Element(DocKind.Link, DocChars.ResolveHref(url.ToString()), () => Scan(open + 1, close, depth + 1));
            }

            return after;
        }

        /// <summary>
        /// Reads <c>url)</c> (no white space, parentheses balanced, escapes and entities decoded); returns the index
        /// after the ')' or -1.
        /// </summary>
        private int Destination(int j, int end, StringBuilder url)
        {
            for (int parens = 0; j < end && url.Length < MaxDestination && !char.IsWhiteSpace(_s[j]); j++)
            {
                char c = _s[j];
                parens += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (parens < 0)
                {
                    return j + 1;
                }

                int entity = c == '&' ? DocChars.DecodeEntity(_s, j, end, url) : 0;
                j += entity > 0 ? entity - 1 : c == '\\' && j + 1 < end && DocChars.IsAsciiPunctuation(_s[j + 1]) ? 1 : 0;
                if (entity == 0)
                {
                    url.Append(_s[j]);
                }
            }

            return -1;
        }

        /// <summary>An HTML tag or comment; a tag ends at the first '&gt;' outside quotes and may not contain '&lt;'.</summary>
        private int Tag(int i, int end)
        {
            if (i + 4 <= end && string.CompareOrdinal(_s, i, "<!--", 0, 4) == 0)
            {
                int comment = FindCloser('-', 2, i + 4, end, j => j + 2 < end && _s[j + 2] == '>');
                return comment < 0 ? -1 : comment + 3;
            }

            Match tag = TagPattern.Match(_s, i, end - i);
            if (!tag.Success)
            {
                return -1;
            }

            Flush();
            string name = tag.Groups["name"].Value.ToLowerInvariant();
            int after = i + tag.Length;
            if (tag.Groups["close"].Success)
            {
                _tree.CloseTag(name);
            }
            else if (name == "script" || name == "style")
            {
                // Script and style content is not text: skip to the closing tag, or to the end.
                int close = _s.IndexOf("</" + name, after, end - after, StringComparison.OrdinalIgnoreCase);
                int gt = close < 0 ? -1 : _s.IndexOf('>', close, end - close);
                return gt < 0 ? end : gt + 1;
            }
            else
            {
                string? href = Attribute(tag, "href");
                _tree.OpenTag(name, href is null ? null : DocChars.DecodeEntities(href), Attribute(tag, "class"));
            }

            return after;
        }

        /// <summary>The value of the tag's (last) attribute of that name, or null.</summary>
        private static string? Attribute(Match tag, string name) => tag.Groups["attr"].Captures.Cast<Capture>()
            .Zip(tag.Groups["value"].Captures.Cast<Capture>(), (a, v) => (Name: a.Value, Value: (string?)v.Value))
            .LastOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
