using System;
using System.Collections.Generic;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Builds the document tree from what the scanners find, forgiving the way browsers are: text outside a paragraph
    /// opens one, a block tag closes the open paragraph, <c>&lt;li&gt;</c> and <c>&lt;td&gt;</c> close their open
    /// siblings, closing tags without an open element are dropped, and whatever is left open is closed at the end.
    /// </summary>
    internal sealed class DocTreeBuilder
    {
        /// <summary>Deeper nesting is flattened: the tags are dropped, their text kept.</summary>
        private const int MaxDepth = 100;

        private readonly List<DocNode> _stack = new List<DocNode> { new DocNode(DocKind.Root) };

        /// <summary>Opening tags that were dropped (too deep, a link in a link), so that their closing tags are too.</summary>
        private readonly Dictionary<string, int> _dropped = new Dictionary<string, int>(StringComparer.Ordinal);

        public DocNode Root => _stack[0];

        private DocNode Top => _stack[_stack.Count - 1];

        public void Text(string text)
        {
            if (!(Top.Kind == DocKind.Para || Top.IsInline))
            {
                if (DocChars.IsAllWhite(text))
                {
                    return;
                }

                OpenParagraph();
            }

            Top.Children.Add(new DocNode(DocKind.Text) { Text = text });
        }

        /// <summary>Ends the open paragraph and the inline elements in it (a blank line, a block tag).</summary>
        public void EndParagraph()
        {
            while (_stack.Count > 1 && (Top.Kind == DocKind.Para || Top.IsInline))
            {
                _stack.RemoveAt(_stack.Count - 1);
            }
        }

        public void CodeBlock(string code)
        {
            EndParagraph();
            EnsureFlow();
            Top.Children.Add(new DocNode(DocKind.CodeBlock) { Text = code });
        }

        /// <summary>Opens a Markdown container (list, item, quote, note): only <see cref="Close"/> ends it.</summary>
        public DocNode? OpenMarkdown(DocKind kind, bool flag = false, string? label = null)
        {
            EndParagraph();
            if (kind != DocKind.Item)
            {
                EnsureFlow();
            }

            return Push(new DocNode(kind, markdown: true) { Flag = flag, Text = label });
        }

        /// <summary>Opens a Markdown paragraph, or an emphasis, code span or link inside one.</summary>
        public DocNode? OpenInline(DocKind kind, string? href = null, string? tag = null)
        {
            if (kind == DocKind.Para)
            {
                EndParagraph();
                EnsureFlow();
            }
            else if (!(Top.Kind == DocKind.Para || Top.IsInline))
            {
                OpenParagraph();
            }

            // A link in a link, or code in code, would only repeat the element: keep the outer one.
            bool repeated = (kind == DocKind.Link || kind == DocKind.Code) && _stack.Exists(n => n.Kind == kind);
            return repeated ? null : Push(new DocNode(kind, tag) { Text = href });
        }

        /// <summary>Closes a node <see cref="OpenMarkdown"/> or <see cref="OpenInline"/> returned, with all inside it.</summary>
        public void Close(DocNode? node)
        {
            int k = node is null ? -1 : _stack.LastIndexOf(node);
            if (k > 0)
            {
                _stack.RemoveRange(k, _stack.Count - k);
            }
        }

        public void OpenTag(string name, string? href, string? cssClass)
        {
            DocNode? opened = null;
            switch (name)
            {
                case "b":
                case "strong":
                    opened = OpenInline(DocKind.Bold, tag: name);
                    break;
                case "i":
                case "em":
                case "var":
                    opened = OpenInline(DocKind.Italic, tag: name);
                    break;
                case "code":
                case "tt":
                case "kbd":
                    opened = OpenInline(DocKind.Code, tag: name);
                    break;
                case "a":
                    opened = OpenInline(DocKind.Link, DocChars.ResolveHref(href), name);
                    break;
                case "br":
                    if (!(Top.Kind == DocKind.Para || Top.IsInline))
                    {
                        OpenParagraph();
                    }

                    Top.Children.Add(new DocNode(DocKind.Break));
                    return;
                case "p":
                    opened = OpenInline(DocKind.Para, tag: name);
                    break;
                case "div":
                    bool alert = cssClass != null && cssClass.IndexOf("alert", StringComparison.OrdinalIgnoreCase) >= 0;
                    opened = OpenBlock(new DocNode(alert ? DocKind.Note : DocKind.Group, name));
                    break;
                case "ul":
                case "ol":
                case "dl":
                    opened = OpenBlock(new DocNode(DocKind.List, name) { Flag = name == "ol" });
                    break;
                case "table":
                    opened = OpenBlock(new DocNode(DocKind.Table, name));
                    break;
                case "li":
                case "dt":
                case "dd":
                    opened = OpenItem(name);
                    break;
                case "tr":
                    opened = OpenRow(name);
                    break;
                case "td":
                case "th":
                    opened = OpenCell(name);
                    break;
                default:
                    // img and unknown tags: dropped, their text (if any) kept.
                    return;
            }

            if (opened is null)
            {
                _dropped[name] = _dropped.TryGetValue(name, out int n) ? n + 1 : 1;
            }
        }

        public void CloseTag(string name)
        {
            if (_dropped.TryGetValue(name, out int dropped) && dropped > 0)
            {
                _dropped[name] = dropped - 1;
                return;
            }

            bool inline = name is "b" or "strong" or "i" or "em" or "var" or "code" or "tt" or "kbd" or "a";
            for (int k = _stack.Count - 1; k > 0; k--)
            {
                DocNode node = _stack[k];
                if (node.Tag == name)
                {
                    _stack.RemoveRange(k, _stack.Count - k);
                    return;
                }

                // HTML cannot close what Markdown opened, and an inline closing tag does not leave its paragraph.
                if (node.FromMarkdown || (inline && !node.IsInline))
                {
                    return;
                }
            }
        }

        /// <summary>Pushes the node unless that is too deep; a paragraph may go one deeper, so text always has one.</summary>
        private DocNode? Push(DocNode node)
        {
            if (_stack.Count >= (node.Kind == DocKind.Para ? MaxDepth + 1 : MaxDepth))
            {
                return null;
            }

            Top.Children.Add(node);
            _stack.Add(node);
            return node;
        }

        private void OpenParagraph()
        {
            EnsureFlow();
            Push(new DocNode(DocKind.Para));
        }

        /// <summary>Makes the top a container that can hold paragraphs: text in a list or table gets an item or cell.</summary>
        private void EnsureFlow()
        {
            while (Top.Kind == DocKind.List || Top.Kind == DocKind.Table || Top.Kind == DocKind.Row)
            {
                DocKind implicitKind = Top.Kind == DocKind.List ? DocKind.Item : Top.Kind == DocKind.Table ? DocKind.Row : DocKind.Cell;
                if (Push(new DocNode(implicitKind)) is null)
                {
                    return;
                }
            }
        }

        private DocNode? OpenBlock(DocNode node)
        {
            EndParagraph();
            EnsureFlow();
            return Push(node);
        }

        /// <summary>An item closes the open item of its list; without a list around it, it gets one.</summary>
        private DocNode? OpenItem(string name)
        {
            EndParagraph();
            int list = Find(DocKind.List, DocKind.Item);
            if (list > 0)
            {
                _stack.RemoveRange(list + 1, _stack.Count - list - 1);
            }
            else if (OpenBlock(new DocNode(DocKind.List)) is null)
            {
                return null;
            }

            return Push(new DocNode(DocKind.Item, name));
        }

        /// <summary>A row closes the open row of its table; outside a table it is dropped.</summary>
        private DocNode? OpenRow(string name)
        {
            EndParagraph();
            int table = Find(DocKind.Table, DocKind.Row, DocKind.Cell, DocKind.List, DocKind.Item, DocKind.Group, DocKind.Note);
            if (table <= 0)
            {
                return null;
            }

            _stack.RemoveRange(table + 1, _stack.Count - table - 1);
            return Push(new DocNode(DocKind.Row, name));
        }

        /// <summary>A cell closes the open cell of its row; in a table without a row it gets one; elsewhere it is dropped.</summary>
        private DocNode? OpenCell(string name)
        {
            EndParagraph();
            int row = Find(DocKind.Row, DocKind.Cell, DocKind.List, DocKind.Item, DocKind.Group, DocKind.Note);
            int table = Find(DocKind.Table, DocKind.Cell, DocKind.List, DocKind.Item, DocKind.Group, DocKind.Note);
            if (row <= 0 && table <= 0)
            {
                return null;
            }

            int keep = Math.Max(row, table);
            _stack.RemoveRange(keep + 1, _stack.Count - keep - 1);
            if (row < table && Push(new DocNode(DocKind.Row)) is null)
            {
                return null;
            }

            return Push(new DocNode(DocKind.Cell, name) { Flag = name == "th" });
        }

        /// <summary>
        /// The stack index of the innermost open <paramref name="kind"/> that can be reached by closing only
        /// paragraphs, inline elements and nodes of the <paramref name="passable"/> kinds; -1 if there is none.
        /// </summary>
        private int Find(DocKind kind, params DocKind[] passable)
        {
            for (int k = _stack.Count - 1; k > 0; k--)
            {
                DocNode node = _stack[k];
                if (node.Kind == kind && !node.FromMarkdown)
                {
                    return k;
                }

                if (node.FromMarkdown || !(node.Kind == DocKind.Para || node.IsInline || Array.IndexOf(passable, node.Kind) >= 0))
                {
                    return -1;
                }
            }

            return -1;
        }
    }
}
