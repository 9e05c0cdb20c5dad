using System;
using System.Collections.Generic;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Builds the document tree from what the scanners find, forgiving the way browsers are: text outside a paragraph
    /// opens one, a block tag closes the open paragraph, <c>&lt;li&gt;</c> and <c>&lt;td&gt;</c> close their open
    /// siblings (and get a list or row when they have none), closing tags without an open element are dropped, and
    /// whatever is left open is closed at the end.
    /// </summary>
    internal sealed class DocTreeBuilder
    {
        /// <summary>Deeper nesting is flattened: the tags are dropped, their text kept.</summary>
        private const int MaxDepth = 100;

        private static readonly DocKind[] NoKinds = Array.Empty<DocKind>();
        private static readonly DocKind[] InTable = { DocKind.Row, DocKind.Cell, DocKind.List, DocKind.Item, DocKind.Group, DocKind.Note };

        private static readonly Dictionary<string, DocKind> InlineTags = new Dictionary<string, DocKind>(StringComparer.Ordinal)
        {
            ["b"] = DocKind.Bold, ["strong"] = DocKind.Bold, ["i"] = DocKind.Italic, ["em"] = DocKind.Italic, ["var"] = DocKind.Italic,
            ["code"] = DocKind.Code, ["tt"] = DocKind.Code, ["kbd"] = DocKind.Code, ["a"] = DocKind.Link,
        };

        private readonly List<DocNode> _stack = new List<DocNode> { new DocNode(DocKind.Root) };

        /// <summary>Opening tags that were dropped (too deep, a link in a link), so that their closing tags are too.</summary>
        private readonly Dictionary<string, int> _dropped = new Dictionary<string, int>(StringComparer.Ordinal);

        public DocNode Root => _stack[0];

        private DocNode Top => _stack[_stack.Count - 1];

        private bool InParagraph => Top.Kind == DocKind.Para || Top.IsInline;

        public void Text(string text)
        {
            if (InParagraph || !DocChars.IsAllWhite(text))
            {
                OpenParagraph();
                Top.Children.Add(new DocNode(DocKind.Text) { Text = text });
            }
        }

        /// <summary>Ends the open paragraph and the inline elements in it (a blank line, a block tag).</summary>
        public void EndParagraph()
        {
            while (_stack.Count > 1 && InParagraph)
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
        public DocNode? OpenMarkdown(DocKind kind, bool flag = false, string? label = null) =>
            OpenBlock(new DocNode(kind, markdown: true) { Flag = flag, Text = label });

        /// <summary>Opens a paragraph, or an emphasis, code span or link inside one (a new one if need be).</summary>
        public DocNode? OpenInline(DocKind kind, string? href = null, string? tag = null)
        {
            if (kind == DocKind.Para)
            {
                return OpenBlock(new DocNode(kind, tag));
            }

            // A link in a link, or code in code, would only repeat the element: keep the outer one.
            OpenParagraph();
            bool repeated = (kind == DocKind.Link || kind == DocKind.Code) && _stack.Exists(n => n.Kind == kind);
            return repeated ? null : Push(new DocNode(kind, tag) { Text = href });
        }

        /// <summary>Closes a node <see cref="OpenMarkdown"/> or <see cref="OpenInline"/> returned, with all inside it.</summary>
        public void Close(DocNode? node) => PopTo(node is null ? -1 : _stack.LastIndexOf(node));

        public void OpenTag(string name, string? href, string? cssClass)
        {
            bool alert = cssClass != null && cssClass.IndexOf("alert", StringComparison.OrdinalIgnoreCase) >= 0;
            DocNode? opened;
            switch (name)
            {
                case var _ when InlineTags.TryGetValue(name, out DocKind inlineKind):
                    opened = OpenInline(inlineKind, inlineKind == DocKind.Link ? DocChars.ResolveHref(href) : null, name);
                    break;
                case "p":
                    opened = OpenInline(DocKind.Para, tag: name);
                    break;
                case "br":
                    OpenParagraph();
                    Top.Children.Add(new DocNode(DocKind.Break));
                    return;
                case "div" or "ul" or "ol" or "dl" or "table":
                    DocKind kind = name == "div" ? (alert ? DocKind.Note : DocKind.Group) : name == "table" ? DocKind.Table : DocKind.List;
                    opened = OpenBlock(new DocNode(kind, name) { Flag = name == "ol" });
                    break;
                case "li" or "dt" or "dd":
                    // An item closes the open item of its list; without a list around it, it gets one.
                    opened = Within(DocKind.List, NoKinds, () => OpenBlock(new DocNode(DocKind.List))) ? Push(new DocNode(DocKind.Item, name)) : null;
                    break;
                case "tr":
                    opened = Within(DocKind.Table, InTable, () => null) ? Push(new DocNode(DocKind.Row, name)) : null;
                    break;
                case "td" or "th":
                    // A cell closes the open cell of its row; in a table without a row, it gets one.
                    bool inRow = Find(DocKind.Row, InTable) > Find(DocKind.Table, InTable);
                    bool placed = Within(inRow ? DocKind.Row : DocKind.Table, InTable, () => null) && (inRow || Push(new DocNode(DocKind.Row)) != null);
                    opened = placed ? Push(new DocNode(DocKind.Cell, name) { Flag = name == "th" }) : null;
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

            // HTML cannot close what Markdown opened, and an inline closing tag does not leave its paragraph.
            bool inline = InlineTags.ContainsKey(name);
            int k = _stack.FindLastIndex(n => n.Tag == name);
            if (k > _stack.FindLastIndex(n => n.FromMarkdown || (inline && !n.IsInline)))
            {
                PopTo(k);
            }
        }

        private void PopTo(int k)
        {
            if (k > 0)
            {
                _stack.RemoveRange(k, _stack.Count - k);
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
            if (!InParagraph)
            {
                EnsureFlow();
                Push(new DocNode(DocKind.Para));
            }
        }

        /// <summary>Makes the top a container that can hold blocks: in a list or table, an item or cell.</summary>
        private void EnsureFlow()
        {
            while (Top.Kind is DocKind.List or DocKind.Table or DocKind.Row)
            {
                DocKind inner = Top.Kind == DocKind.List ? DocKind.Item : Top.Kind == DocKind.Table ? DocKind.Row : DocKind.Cell;
                if (Push(new DocNode(inner)) is null)
                {
                    return;
                }
            }
        }

        private DocNode? OpenBlock(DocNode node)
        {
            EndParagraph();
            if (node.Kind != DocKind.Item)
            {
                EnsureFlow();
            }

            return Push(node);
        }

        /// <summary>
        /// Closes what is open inside the innermost <paramref name="kind"/> (see <see cref="Find"/>) so that the next
        /// node goes into it, or else calls <paramref name="otherwise"/>; false if there is nothing to put it in.
        /// </summary>
        private bool Within(DocKind kind, DocKind[] passable, Func<DocNode?> otherwise)
        {
            EndParagraph();
            int k = Find(kind, passable);
            PopTo(k + 1);
            return k > 0 || otherwise() != null;
        }

        /// <summary>
        /// The stack index of the innermost open <paramref name="kind"/> that can be reached by closing only
        /// paragraphs, inline elements, items and nodes of the <paramref name="passable"/> kinds; -1 if there is none.
        /// </summary>
        private int Find(DocKind kind, DocKind[] passable)
        {
            Func<DocNode, bool> match = n => n.Kind == kind && !n.FromMarkdown;
            int k = _stack.FindLastIndex(n => match(n));
            int barrier = _stack.FindLastIndex(n =>
                !match(n) && (n.FromMarkdown || !(n.Kind == DocKind.Para || n.IsInline || n.Kind == DocKind.Item || Array.IndexOf(passable, n.Kind) >= 0)));
            return k > 0 && k > barrier ? k : -1;
        }
    }
}
