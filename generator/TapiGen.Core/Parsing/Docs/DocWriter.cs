using System;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Writes one line of text, plain or escaped for XML: white space collapsed (a space is written only before the
    /// next visible content, so none leads or trails), forbidden characters removed; in XML, empty elements dropped.
    /// </summary>
    internal sealed class DocWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private readonly bool _xml;
        private bool _pending;

        /// <summary>The last thing written was a space or a <c>&lt;br/&gt;</c>, so no space may follow.</summary>
        private bool _noSpace;
        private bool _lastBreak;

        public DocWriter(bool xml)
        {
            _xml = xml;
        }

        /// <summary>The text as one line, plain or escaped for XML.</summary>
        public static string Line(string text, bool xml)
        {
            var w = new DocWriter(xml);
            w.Text(text);
            return w.Finish();
        }

        public void Text(string s)
        {
            for (int i = 0; i < s.Length;)
            {
                if (char.IsWhiteSpace(s[i]) || DocChars.IsDropped(s[i]))
                {
                    _pending |= char.IsWhiteSpace(s[i++]);
                    continue;
                }

                Flush();
                i += DocChars.AppendChar(_sb, s, i, _xml);
                _noSpace = _lastBreak = false;
            }
        }

        public void Break()
        {
            if (_sb.Length > 0 && !_lastBreak)
            {
                _pending = false;
                _sb.Append("<br/>");
                _noSpace = _lastBreak = true;
            }
        }

        /// <summary>Writes an opening tag; <see cref="Close"/> takes it back if nothing was written inside.</summary>
        public Mark Open(string tag)
        {
            var mark = new Mark(_sb.Length, 0, _noSpace, _lastBreak, _pending);
            Raw(tag);
            return mark with { AfterOpen = _sb.Length };
        }

        /// <summary>Closes the element opened at <paramref name="mark"/>; false (and the open tag taken back) if it was empty.</summary>
        public bool Close(Mark mark, string tag)
        {
            if (_sb.Length != mark.AfterOpen)
            {
                Raw(tag);
                return true;
            }

            _sb.Length = mark.Length;
            _noSpace = mark.NoSpace;
            _lastBreak = mark.LastBreak;
            _pending |= mark.Pending;
            return false;
        }

        /// <summary>Writes markup the renderer made (never text from the page).</summary>
        public void Raw(string markup)
        {
            Flush();
            _sb.Append(markup);
            _noSpace = _lastBreak = false;
        }

        /// <summary>The line, without a trailing space or <c>&lt;br/&gt;</c>.</summary>
        public string Finish()
        {
            string s = _sb.ToString();
            while (s.EndsWith(" ", StringComparison.Ordinal) || (_xml && s.EndsWith("<br/>", StringComparison.Ordinal)))
            {
                s = s.Substring(0, s.Length - (s[s.Length - 1] == ' ' ? 1 : 5));
            }

            return s;
        }

        private void Flush()
        {
            if (_pending && _sb.Length > 0 && !_noSpace)
            {
                _sb.Append(' ');
                _noSpace = true;
            }

            _pending = false;
        }

        /// <summary>Where an element was opened.</summary>
        public readonly record struct Mark(int Length, int AfterOpen, bool NoSpace, bool LastBreak, bool Pending);
    }
}
