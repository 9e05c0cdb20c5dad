using System.Text;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Writes one line of escaped XML doc content: white space collapsed (a space is written only before the next
    /// visible content, so none leads or trails), forbidden characters removed, empty elements dropped.
    /// </summary>
    internal sealed class DocXmlWriter
    {
        private readonly StringBuilder _sb = new StringBuilder();
        private bool _pending;

        /// <summary>The last thing written was a space or a <c>&lt;br/&gt;</c>, so no space may follow.</summary>
        private bool _noSpace;
        private bool _lastBreak;

        /// <summary>Where an element was opened, to take it back if nothing was written inside.</summary>
        public readonly struct Mark
        {
            public Mark(int length, int afterOpen, bool noSpace, bool lastBreak, bool pending)
            {
                Length = length;
                AfterOpen = afterOpen;
                NoSpace = noSpace;
                LastBreak = lastBreak;
                Pending = pending;
            }

            public int Length { get; }

            public int AfterOpen { get; }

            public bool NoSpace { get; }

            public bool LastBreak { get; }

            public bool Pending { get; }
        }

        public void Text(string s)
        {
            for (int i = 0; i < s.Length;)
            {
                if (char.IsWhiteSpace(s[i]))
                {
                    _pending = true;
                    i++;
                    continue;
                }

                if (DocChars.IsDropped(s[i]))
                {
                    i++;
                    continue;
                }

                Flush();
                i += DocChars.AppendChar(_sb, s, i, xml: true);
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

        public Mark Open(string tag)
        {
            var mark = new Mark(_sb.Length, 0, _noSpace, _lastBreak, _pending);
            Raw(tag);
            return new Mark(mark.Length, _sb.Length, mark.NoSpace, mark.LastBreak, mark.Pending);
        }

        /// <summary>Closes the element opened at <paramref name="mark"/>; false (and the open tag taken back) if it was empty.</summary>
        public bool Close(Mark mark, string tag)
        {
            if (_sb.Length == mark.AfterOpen)
            {
                _sb.Length = mark.Length;
                _noSpace = mark.NoSpace;
                _lastBreak = mark.LastBreak;
                _pending |= mark.Pending;
                return false;
            }

            _sb.Append(tag);
            _noSpace = _lastBreak = false;
            return true;
        }

        /// <summary>Writes markup the renderer made (never text from the page).</summary>
        public void Raw(string markup)
        {
            Flush();
            _sb.Append(markup);
            _noSpace = _lastBreak = false;
        }

        public string Finish()
        {
            while (true)
            {
                string s = _sb.ToString();
                if (s.EndsWith(" ", System.StringComparison.Ordinal) || s.EndsWith("<br/>", System.StringComparison.Ordinal))
                {
                    _sb.Length -= s[s.Length - 1] == ' ' ? 1 : 5;
                }
                else
                {
                    return s;
                }
            }
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
    }
}
