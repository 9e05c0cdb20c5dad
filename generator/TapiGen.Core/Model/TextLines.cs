using System.Collections.Generic;

namespace TapiGen.Generator.Model
{
    /// <summary>
    /// A text's lines, split where Roslyn's SourceText splits them (CR LF, CR, LF, NEL, LS, PS), so the lines and
    /// columns of our diagnostics are those an editor shows. A text that ends with a line break has a last, empty line.
    /// </summary>
    internal sealed class TextLines
    {
        private readonly string _text;
        private readonly int[] _starts;
        private readonly int[] _ends;

        private TextLines(string text, int[] starts, int[] ends)
        {
            _text = text;
            _starts = starts;
            _ends = ends;
        }

        public static TextLines Of(string text)
        {
            var starts = new List<int> { 0 };
            var ends = new List<int>();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    ends.Add(i);
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    starts.Add(i + 1);
                }
            }

            ends.Add(text.Length);
            return new TextLines(text, starts.ToArray(), ends.ToArray());
        }

        public int Count => _starts.Length;

        /// <summary>The offset of the line's first character.</summary>
        public int Start(int line) => _starts[line];

        /// <summary>The line's text, without its line break.</summary>
        public string this[int line] => _text.Substring(_starts[line], _ends[line] - _starts[line]);
    }
}
