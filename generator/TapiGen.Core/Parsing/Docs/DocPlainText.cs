using System.Text;

namespace TapiGen.Generator.Parsing
{
    internal static partial class DocConverter
    {
        // ------------------------------------------------------------------------------------------------------------
        // Plain-text rendering
        // ------------------------------------------------------------------------------------------------------------

        /// <summary>Renders the tree as one line of plain text.</summary>
        private sealed class PlainWriter
        {
            private readonly StringBuilder _sb = new StringBuilder();
            private bool _pending;

            public void Space() => _pending = true;

            public void Text(string s)
            {
                for (int i = 0; i < s.Length; i++)
                {
                    char c = s[i];
                    if (char.IsWhiteSpace(c))
                    {
                        _pending = true;
                        continue;
                    }

                    if (IsDropped(c))
                    {
                        continue;
                    }

                    if (_pending)
                    {
                        if (_sb.Length > 0)
                        {
                            _sb.Append(' ');
                        }

                        _pending = false;
                    }

                    if (char.IsHighSurrogate(c))
                    {
                        if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            _sb.Append(c).Append(s[i + 1]);
                            i++;
                        }
                        else
                        {
                            _sb.Append('\uFFFD');
                        }
                    }
                    else if (char.IsLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                    {
                        _sb.Append('\uFFFD');
                    }
                    else
                    {
                        _sb.Append(c);
                    }
                }
            }

            public void Render(Node n, int depth)
            {
                if (depth > MaxRenderDepth)
                {
                    return;
                }

                switch (n.Kind)
                {
                    case K.Text:
                        Text(n.Text);
                        return;
                    case K.Break:
                        Space();
                        return;
                    case K.CodeBlock:
                        Space();
                        Text(n.Str ?? "");
                        Space();
                        return;
                    case K.Bold:
                    case K.Italic:
                    case K.Code:
                    case K.Link:
                        RenderChildren(n, depth);
                        return;
                    case K.Note:
                        string label = NoteLabel(n, Flatten(n));
                        var content = new PlainWriter();
                        content.RenderChildren(n, depth);
                        string body = content.Finish();
                        if (body.Length > 0)
                        {
                            Space();
                            Text(label + ": " + body);
                            Space();
                        }

                        return;
                    default:
                        Space();
                        RenderChildren(n, depth);
                        Space();
                        return;
                }
            }

            private void RenderChildren(Node n, int depth)
            {
                if (n.Children is null)
                {
                    return;
                }

                foreach (Node child in n.Children)
                {
                    Render(child, depth + 1);
                }
            }

            public string Finish() => _sb.ToString();
        }
    }
}
