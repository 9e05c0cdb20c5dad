using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Finds the Markdown block structure of a doc text: paragraphs separated by blank lines, fenced code, ATX
    /// headings, <c>&gt;</c> quotes and <c>[!NOTE]</c> alerts, <c>-</c>/<c>*</c>/<c>+</c>/<c>1.</c> lists, and HTML
    /// blocks (a line starting with a block tag, up to the next blank line), whose text gets no Markdown processing.
    /// </summary>
    /// <remarks>
    /// Not recognised, on purpose: indented code and hard line breaks (sdk-api pages are full of accidental
    /// indentation and trailing spaces), and Setext headings, pipe tables and HTML comment blocks, which they do not use.
    /// </remarks>
    internal sealed class DocBlockScanner
    {
        /// <summary>Deeper lists and quotes are read as paragraph text.</summary>
        private const int MaxDepth = 16;

        /// <summary>The tags that start an HTML block (CommonMark's type 6, less the ones no page could use).</summary>
        private static readonly HashSet<string> BlockTags = new HashSet<string>(StringComparer.Ordinal)
        {
            "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl",
            "dt", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
            "main", "nav", "ol", "p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
        };

        private readonly DocTreeBuilder _tree;
        private readonly DocInlineScanner _inline;

        private DocBlockScanner(DocTreeBuilder tree)
        {
            _tree = tree;
            _inline = new DocInlineScanner(tree);
        }

        private enum Start : byte
        {
            None,
            Fence,
            Heading,
            Quote,
            Item,
            Html,
        }

        public static DocNode Parse(string text)
        {
            var tree = new DocTreeBuilder();
            var lines = new List<Line>();
            foreach (string line in Normalize(text).Split('\n'))
            {
                lines.Add(new Line(line, 0));
            }

            new DocBlockScanner(tree).Blocks(lines, 0);
            return tree.Root;
        }

        /// <summary>Unifies line breaks to '\n'; the other C# line terminators become spaces; BOMs go.</summary>
        private static string Normalize(string text)
        {
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    i += i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
                    sb.Append('\n');
                }
                else if (c != '\uFEFF')
                {
                    sb.Append(c == '\u0085' || c == '\u2028' || c == '\u2029' ? ' ' : c);
                }
            }

            return sb.ToString();
        }

        private void Blocks(List<Line> lines, int depth)
        {
            for (int i = 0; i < lines.Count;)
            {
                Line line = lines[i];
                Start start = Classify(line, depth, interrupting: false);
                if (line.IsBlank)
                {
                    _tree.EndParagraph();
                    i++;
                }
                else if (start == Start.Fence)
                {
                    i = Fence(lines, i);
                }
                else if (start == Start.Heading)
                {
                    Heading(line);
                    i++;
                }
                else if (start == Start.Quote)
                {
                    i = Quote(lines, i, depth);
                }
                else if (start == Start.Item)
                {
                    i = List(lines, i, depth);
                }
                else
                {
                    // An HTML block runs to the next blank line; a paragraph also ends where another block starts.
                    int end = i + 1;
                    while (end < lines.Count && !lines[end].IsBlank && (start == Start.Html || Classify(lines[end], depth, interrupting: true) == Start.None))
                    {
                        end++;
                    }

                    var text = new StringBuilder();
                    for (int k = i; k < end; k++)
                    {
                        text.Append(k > i ? "\n" : "").Append(lines[k].Text, lines[k].Start, lines[k].Text.Length - lines[k].Start);
                    }

                    _tree.EndParagraph();
                    _inline.Run(text.ToString(), markdown: start != Start.Html);
                    _tree.EndParagraph();
                    i = end;
                }
            }
        }

        /// <summary>What block the line starts; only HTML blocks when nested too deep. A paragraph can be interrupted
        /// by a list item only if it has text and, numbered, starts at 1.</summary>
        private static Start Classify(Line line, int depth, bool interrupting)
        {
            int p = line.Lead();
            if (p < 0)
            {
                return Start.None;
            }

            string t = line.Text;
            char c = t[p];
            if (c == '<')
            {
                int q = p + 1 < t.Length && t[p + 1] == '/' ? p + 2 : p + 1;
                int nameEnd = q;
                while (nameEnd < t.Length && DocChars.IsAsciiLetterOrDigit(t[nameEnd]))
                {
                    nameEnd++;
                }

                bool ends = nameEnd == t.Length || char.IsWhiteSpace(t[nameEnd]) || t[nameEnd] == '>' || string.CompareOrdinal(t, nameEnd, "/>", 0, 2) == 0;
                return ends && BlockTags.Contains(t.Substring(q, nameEnd - q).ToLowerInvariant()) ? Start.Html : Start.None;
            }

            if (depth >= MaxDepth)
            {
                return Start.None;
            }

            int run = Run(t, p, c);
            if ((c == '`' || c == '~') && run >= 3 && (c == '~' || t.IndexOf('`', p + run) < 0))
            {
                return Start.Fence;
            }

            if (c == '#' && run <= 6 && (p + run == t.Length || char.IsWhiteSpace(t[p + run])))
            {
                return Start.Heading;
            }

            if (c == '>')
            {
                return Start.Quote;
            }

            return ItemMarker(line, out bool ordered, out int content, out _) &&
                   (!interrupting || (!DocChars.IsAllWhite(t, content) && (!ordered || IsOne(t, p)))) ? Start.Item : Start.None;
        }

        private static bool IsOne(string t, int p) => t[p] == '1' && !char.IsDigit(t[p + 1]);

        private static int Run(string t, int p, char c)
        {
            int j = p;
            while (j < t.Length && t[j] == c)
            {
                j++;
            }

            return j - p;
        }

        /// <summary>
        /// A list item marker (<c>-</c>, <c>*</c>, <c>+</c>, <c>1.</c>, <c>1)</c>) and the item's content: where it
        /// starts on this line and how far later lines must be indented to belong to the item.
        /// </summary>
        private static bool ItemMarker(Line line, out bool ordered, out int content, out int width)
        {
            string t = line.Text;
            int p = line.Lead();
            int m = p;
            while (m >= 0 && m < t.Length && m - p < 9 && char.IsDigit(t[m]))
            {
                m++;
            }

            ordered = m > p;
            bool marker = p >= 0 && (ordered ? m < t.Length && (t[m] == '.' || t[m] == ')') : t[p] == '-' || t[p] == '*' || t[p] == '+');
            int after = ordered ? m + 1 : p + 1;
            int spaces = after < t.Length ? Run(t, after, ' ') : 0;
            content = after + spaces;
            width = after - line.Start + (spaces > 4 || content >= t.Length ? 1 : spaces);
            return marker && (after == t.Length || t[after] == ' ' || t[after] == '\t');
        }

        private int Fence(List<Line> lines, int i)
        {
            Line open = lines[i];
            int p = open.Lead();
            char c = open.Text[p];
            int run = Run(open.Text, p, c);
            var code = new List<string>();
            for (i++; i < lines.Count; i++)
            {
                Line line = lines[i];
                int q = line.Lead();
                if (q >= 0 && line.Text[q] == c && Run(line.Text, q, c) >= run && DocChars.IsAllWhite(line.Text, q + Run(line.Text, q, c)))
                {
                    i++;
                    break;
                }

                Line body = line.Dedent(p - open.Start);
                code.Add(body.Text.Substring(body.Start));
            }

            _tree.CodeBlock(string.Join("\n", code));
            return i;
        }

        /// <summary>A heading becomes a paragraph in bold.</summary>
        private void Heading(Line line)
        {
            string t = line.Text;
            int p = line.Lead();
            string text = t.Substring(p + Run(t, p, '#')).Trim();
            string unclosed = text.TrimEnd('#');
            text = unclosed.Length == 0 || char.IsWhiteSpace(unclosed[unclosed.Length - 1]) ? unclosed.TrimEnd() : text;
            _tree.OpenInline(DocKind.Para);
            _tree.OpenInline(DocKind.Bold);
            _inline.Run(text, markdown: true);
            _tree.EndParagraph();
        }

        /// <summary>A block quote; one that starts with <c>[!NOTE]</c> (or another word) is a note with that label.</summary>
        private int Quote(List<Line> lines, int i, int depth)
        {
            var content = new List<Line>();
            for (; i < lines.Count && lines[i].Lead() is int p && p >= 0 && lines[i].Text[p] == '>'; i++)
            {
                string t = lines[i].Text;
                content.Add(new Line(t, p + 1 < t.Length && (t[p + 1] == ' ' || t[p + 1] == '\t') ? p + 2 : p + 1));
            }

            string first = content[0].Text.Substring(content[0].Start).Trim();
            int close = first.IndexOf(']');
            string word = first.StartsWith("[!", StringComparison.Ordinal) && close > 2 ? first.Substring(2, close - 2) : "";
            string? label = null;
            if (word.Length > 0 && word.Length <= 20 && word.TrimStart(Letters).Length == 0)
            {
                label = char.ToUpperInvariant(word[0]) + word.Substring(1).ToLowerInvariant();
                Line line = content[0];
                content[0] = new Line(line.Text, line.Text.IndexOf(']', line.Start) + 1);
            }

            DocNode? quote = _tree.OpenMarkdown(label is null ? DocKind.Group : DocKind.Note, label: label);
            Blocks(content, depth + 1);
            _tree.Close(quote);
            return i;
        }

        private static readonly char[] Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".ToCharArray();

        /// <summary>
        /// A list: items of one kind (bullets or numbers). An item takes the lines indented to its content, and lines
        /// that continue its paragraph without a blank line before them.
        /// </summary>
        private int List(List<Line> lines, int i, int depth)
        {
            ItemMarker(lines[i], out bool ordered, out _, out _);
            DocNode? list = _tree.OpenMarkdown(DocKind.List, ordered);
            while (i < lines.Count && Classify(lines[i], depth, interrupting: false) == Start.Item &&
                   ItemMarker(lines[i], out bool sameKind, out int content, out int width) && sameKind == ordered)
            {
                var item = new List<Line> { new Line(lines[i].Text, content) };
                bool blank = false;
                for (i++; i < lines.Count; i++)
                {
                    Line line = lines[i];
                    if (!line.IsBlank && !line.IndentedBy(width) && (blank || Classify(line, depth, interrupting: false) != Start.None))
                    {
                        break;
                    }

                    blank = line.IsBlank;
                    item.Add(line.IndentedBy(width) ? line.Dedent(width) : line);
                }

                DocNode? node = _tree.OpenMarkdown(DocKind.Item);
                Blocks(item, depth + 1);
                _tree.Close(node);
            }

            _tree.Close(list);
            return i;
        }

        /// <summary>A line, or what is left of it inside a container (<see cref="Start"/> is where it begins).</summary>
        private readonly struct Line
        {
            public Line(string text, int start)
            {
                Text = text;
                Start = Math.Min(start, text.Length);
            }

            public string Text { get; }

            public int Start { get; }

            public bool IsBlank => DocChars.IsAllWhite(Text, Start);

            /// <summary>Where the block starts (at most three spaces in), or -1 for a line indented more.</summary>
            public int Lead()
            {
                int p = Start;
                while (p < Text.Length && p - Start < 4 && Text[p] == ' ')
                {
                    p++;
                }

                return p - Start < 4 && p < Text.Length ? p : -1;
            }

            public bool IndentedBy(int columns)
            {
                int column = 0;
                for (int p = Start; p < Text.Length && column < columns && (Text[p] == ' ' || Text[p] == '\t'); p++)
                {
                    column += Text[p] == '\t' ? 4 : 1;
                }

                return column >= columns;
            }

            public Line Dedent(int columns)
            {
                int p = Start;
                for (int column = 0; p < Text.Length && column < columns && (Text[p] == ' ' || Text[p] == '\t'); p++)
                {
                    column += Text[p] == '\t' ? 4 : 1;
                }

                return new Line(Text, p);
            }
        }
    }
}
