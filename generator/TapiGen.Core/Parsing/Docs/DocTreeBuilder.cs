using System;
using System.Collections.Generic;

namespace TapiGen.Generator.Parsing
{
    internal static partial class DocConverter
    {
        // ------------------------------------------------------------------------------------------------------------
        // Tree builder
        // ------------------------------------------------------------------------------------------------------------

        private const int BoldIdx = 0;
        private const int ItalicIdx = 1;
        private const int CodeIdx = 2;
        private const int LinkIdx = 3;

        private static K InlineKind(int idx) => idx switch
        {
            BoldIdx => K.Bold,
            ItalicIdx => K.Italic,
            CodeIdx => K.Code,
            _ => K.Link,
        };

        private static int InlineIndex(K kind) => kind switch
        {
            K.Bold => BoldIdx,
            K.Italic => ItalicIdx,
            K.Code => CodeIdx,
            K.Link => LinkIdx,
            _ => -1,
        };

        /// <summary>
        /// Builds the tree from block and inline events. Forgiving like an HTML parser: implicit containers are created,
        /// stray closers are dropped, elements still open are closed at the end of their paragraph or container, and
        /// nesting deeper than the caps is flattened (the tags are ignored, the text kept).
        /// </summary>
        private sealed class Builder
        {
            private readonly List<Node> _blocks = new List<Node>();
            private readonly List<Node> _inline = new List<Node>();
            private readonly List<Node?> _md = new List<Node?>();
            private readonly int[] _open = new int[4];
            private readonly int[] _ignoredInline = new int[4];
            private readonly int[] _ignoredHtml = new int[(int)TagKind.Count];
            private readonly Node _root = new Node(K.Root);
            private Node? _para;

            public Builder()
            {
                _blocks.Add(_root);
            }

            private Node Top => _blocks[_blocks.Count - 1];

            public Node Finish()
            {
                EndPara();
                return _root;
            }

            public void Text(string s)
            {
                if (s.Length == 0)
                {
                    return;
                }

                if (_para is null)
                {
                    if (IsAllWhite(s))
                    {
                        return;
                    }

                    OpenPara();
                }

                AppendText(s);
            }

            private void AppendText(string s)
            {
                Node top = _inline[_inline.Count - 1];
                List<Node>? kids = top.Children;
                if (kids != null && kids.Count > 0 && kids[kids.Count - 1].Kind == K.Text)
                {
                    kids[kids.Count - 1].AppendText(s);
                }
                else
                {
                    top.Add(new Node(K.Text) { Str = s });
                }
            }

            private void OpenPara()
            {
                EnsureFlow();
                var p = new Node(K.Para);
                Top.Add(p);
                _para = p;
                _inline.Clear();
                _inline.Add(p);
            }

            public void EndPara()
            {
                if (_para is null)
                {
                    return;
                }

                _para = null;
                _inline.Clear();
                Array.Clear(_open, 0, _open.Length);
                Array.Clear(_ignoredInline, 0, _ignoredInline.Length);
            }

            public void InlineOpen(int idx, string? href)
            {
                if (_para is null)
                {
                    OpenPara();
                }

                if (_inline.Count > MaxInlineDepth || ((idx == LinkIdx || idx == CodeIdx) && _open[idx] > 0))
                {
                    _ignoredInline[idx]++;
                    return;
                }

                var n = new Node(InlineKind(idx)) { Str = href };
                _inline[_inline.Count - 1].Add(n);
                _inline.Add(n);
                _open[idx]++;
            }

            public void InlineClose(int idx)
            {
                if (_para is null)
                {
                    return;
                }

                if (_ignoredInline[idx] > 0)
                {
                    _ignoredInline[idx]--;
                    return;
                }

                if (_open[idx] == 0)
                {
                    return;
                }

                while (_inline.Count > 1)
                {
                    Node n = _inline[_inline.Count - 1];
                    _inline.RemoveAt(_inline.Count - 1);
                    int k = InlineIndex(n.Kind);
                    if (k >= 0)
                    {
                        _open[k]--;
                    }

                    if (k == idx)
                    {
                        break;
                    }
                }
            }

            public void LineBreak()
            {
                if (_para != null)
                {
                    _inline[_inline.Count - 1].Add(new Node(K.Break));
                }
            }

            public void CodeSpan(string s)
            {
                InlineOpen(CodeIdx, null);
                AppendText(s);
                InlineClose(CodeIdx);
            }

            public void CodeBlock(string code)
            {
                EndPara();
                if (IsAllWhite(code))
                {
                    return;
                }

                EnsureFlow();
                Top.Add(new Node(K.CodeBlock) { Str = code });
            }

            public void BeginHeading()
            {
                EndPara();
                InlineOpen(BoldIdx, null);
            }

            public void EndHeading()
            {
                InlineClose(BoldIdx);
                EndPara();
            }

            /// <summary>Makes the top of the stack a container that can hold paragraphs and blocks.</summary>
            private void EnsureFlow()
            {
                Node top = Top;
                if (top.Kind == K.List)
                {
                    TryPush(new Node(K.Item));
                }
                else if (top.Kind == K.Table)
                {
                    if (TryPush(new Node(K.Row)))
                    {
                        TryPush(new Node(K.Cell));
                    }
                }
                else if (top.Kind == K.Row)
                {
                    TryPush(new Node(K.Cell));
                }
            }

            private bool TryPush(Node n)
            {
                if (_blocks.Count >= MaxBlockDepth)
                {
                    return false;
                }

                Top.Add(n);
                _blocks.Add(n);
                return true;
            }

            private void PopAbove(int index) => _blocks.RemoveRange(index + 1, _blocks.Count - index - 1);

            // ---- Markdown containers: strictly nested open/close calls from the block scanner ----

            public void MdOpen(K kind, bool flag, string? label)
            {
                EndPara();
                if (kind != K.Item && kind != K.Row && kind != K.Cell)
                {
                    EnsureFlow();
                }

                var n = new Node(kind) { Md = true, Flag = flag, Str = label };
                _md.Add(TryPush(n) ? n : null);
            }

            public void MdClose()
            {
                EndPara();
                if (_md.Count == 0)
                {
                    return;
                }

                Node? n = _md[_md.Count - 1];
                _md.RemoveAt(_md.Count - 1);
                if (n is null)
                {
                    return;
                }

                int i = _blocks.LastIndexOf(n);
                if (i >= 1)
                {
                    _blocks.RemoveRange(i, _blocks.Count - i);
                }
            }

            // ---- HTML tags ----

            public void Html(TagKind t, bool close, string? href, bool alert)
            {
                switch (t)
                {
                    case TagKind.Bold:
                    case TagKind.Italic:
                    case TagKind.Code:
                    case TagKind.Link:
                        int idx = t == TagKind.Bold ? BoldIdx : t == TagKind.Italic ? ItalicIdx : t == TagKind.Code ? CodeIdx : LinkIdx;
                        if (close)
                        {
                            InlineClose(idx);
                        }
                        else
                        {
                            InlineOpen(idx, href);
                        }

                        return;
                    case TagKind.Br:
                        if (!close)
                        {
                            LineBreak();
                        }

                        return;
                    case TagKind.Break:
                        EndPara();
                        return;
                    case TagKind.Heading:
                        if (close)
                        {
                            EndHeading();
                        }
                        else
                        {
                            BeginHeading();
                        }

                        return;
                    case TagKind.P:
                    case TagKind.Div:
                    case TagKind.Blockquote:
                    case TagKind.Ul:
                    case TagKind.Ol:
                    case TagKind.Dl:
                    case TagKind.Table:
                        if (close)
                        {
                            CloseHtml(t);
                        }
                        else
                        {
                            OpenHtml(t, alert);
                        }

                        return;
                    case TagKind.Li:
                    case TagKind.Dt:
                    case TagKind.Dd:
                        if (close)
                        {
                            CloseHtml(t);
                        }
                        else
                        {
                            OpenItem(t);
                        }

                        return;
                    case TagKind.Tr:
                        if (close)
                        {
                            CloseHtml(t);
                        }
                        else
                        {
                            OpenRow();
                        }

                        return;
                    case TagKind.Td:
                    case TagKind.Th:
                        if (close)
                        {
                            CloseHtml(t);
                        }
                        else
                        {
                            OpenCell(t);
                        }

                        return;
                    default:
                        return;
                }
            }

            private void OpenHtml(TagKind t, bool alert)
            {
                EndPara();
                Node top = Top;
                if (t == TagKind.P && top.Kind == K.Group && top.Tag == TagKind.P && !top.Md)
                {
                    _blocks.RemoveAt(_blocks.Count - 1);
                }

                EnsureFlow();
                Node n = t switch
                {
                    TagKind.Div when alert => new Node(K.Note),
                    TagKind.Ul or TagKind.Ol or TagKind.Dl => new Node(K.List) { Flag = t == TagKind.Ol },
                    TagKind.Table => new Node(K.Table),
                    _ => new Node(K.Group),
                };
                n.Tag = t;
                if (!TryPush(n))
                {
                    _ignoredHtml[(int)t]++;
                }
            }

            private void OpenItem(TagKind t)
            {
                EndPara();
                for (int i = _blocks.Count - 1; i >= 1; i--)
                {
                    Node n = _blocks[i];
                    if (n.Md || n.Kind == K.Cell || n.Kind == K.Row || n.Kind == K.Table)
                    {
                        break;
                    }

                    if (n.Kind == K.List)
                    {
                        PopAbove(i);
                        if (!TryPush(new Node(K.Item) { Tag = t }))
                        {
                            _ignoredHtml[(int)t]++;
                        }

                        return;
                    }
                }

                // A stray <li>: give it an implicit list.
                EnsureFlow();
                if (!TryPush(new Node(K.List)) || !TryPush(new Node(K.Item) { Tag = t }))
                {
                    _ignoredHtml[(int)t]++;
                }
            }

            private void OpenRow()
            {
                EndPara();
                for (int i = _blocks.Count - 1; i >= 1; i--)
                {
                    Node n = _blocks[i];
                    if (n.Md)
                    {
                        return;
                    }

                    if (n.Kind == K.Table)
                    {
                        PopAbove(i);
                        if (!TryPush(new Node(K.Row) { Tag = TagKind.Tr }))
                        {
                            _ignoredHtml[(int)TagKind.Tr]++;
                        }

                        return;
                    }
                }
            }

            private void OpenCell(TagKind t)
            {
                EndPara();
                for (int i = _blocks.Count - 1; i >= 1; i--)
                {
                    Node n = _blocks[i];
                    if (n.Md)
                    {
                        return;
                    }

                    if (n.Kind == K.Row || n.Kind == K.Table)
                    {
                        PopAbove(i);
                        if (n.Kind == K.Table && !TryPush(new Node(K.Row)))
                        {
                            _ignoredHtml[(int)t]++;
                            return;
                        }

                        if (!TryPush(new Node(K.Cell) { Tag = t, Flag = t == TagKind.Th }))
                        {
                            _ignoredHtml[(int)t]++;
                        }

                        return;
                    }
                }
            }

            private void CloseHtml(TagKind t)
            {
                EndPara();
                if (_ignoredHtml[(int)t] > 0)
                {
                    _ignoredHtml[(int)t]--;
                    return;
                }

                for (int i = _blocks.Count - 1; i >= 1; i--)
                {
                    Node n = _blocks[i];
                    if (n.Md)
                    {
                        return;
                    }

                    if (Matches(n, t))
                    {
                        _blocks.RemoveRange(i, _blocks.Count - i);
                        return;
                    }

                    if (IsBarrier(n, t))
                    {
                        return;
                    }
                }
            }

            private static bool Matches(Node n, TagKind t) => t switch
            {
                TagKind.P => n.Kind == K.Group && n.Tag == TagKind.P,
                TagKind.Div => (n.Kind == K.Group || n.Kind == K.Note) && n.Tag == TagKind.Div,
                TagKind.Blockquote => n.Kind == K.Group && n.Tag == TagKind.Blockquote,
                TagKind.Ul or TagKind.Ol or TagKind.Dl => n.Kind == K.List && (n.Tag == t || n.Tag == TagKind.Unknown),
                TagKind.Li or TagKind.Dt or TagKind.Dd => n.Kind == K.Item,
                TagKind.Table => n.Kind == K.Table,
                TagKind.Tr => n.Kind == K.Row,
                TagKind.Td or TagKind.Th => n.Kind == K.Cell,
                _ => false,
            };

            private static bool IsBarrier(Node n, TagKind t)
            {
                bool tableish = n.Kind == K.Cell || n.Kind == K.Row || n.Kind == K.Table;
                return t switch
                {
                    TagKind.P => true,
                    TagKind.Li or TagKind.Dt or TagKind.Dd => tableish || n.Kind == K.List,
                    TagKind.Tr or TagKind.Td or TagKind.Th => n.Kind == K.Table,
                    TagKind.Table => false,
                    _ => tableish,
                };
            }
        }
    }
}
