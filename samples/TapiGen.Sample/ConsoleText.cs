using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace TapiGen.Sample
{
    /// <summary>Text for a console: documentation shortened to its first sentence, lines wrapped to fit the width.</summary>
    public static class ConsoleText
    {
        /// <summary>Every line the sample writes fits in this many columns.</summary>
        public const int Width = 120;

        /// <summary>
        /// The first sentence: up to the first '.', '!' or '?' that is followed by white space (or ends the text) and is
        /// not inside parentheses, nor the end of "e.g." or "i.e.". Runs of white space become one space.
        /// </summary>
        public static string FirstSentence(string? text)
        {
            string flat = string.Join(" ", (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            int depth = 0;
            for (int i = 0; i < flat.Length; i++)
            {
                char c = flat[i];
                depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                bool ends = (c == '.' || c == '!' || c == '?') && (i + 1 == flat.Length || flat[i + 1] == ' ');
                if (ends && depth == 0 && !EndsWithAbbreviation(flat, i + 1))
                {
                    return flat.Substring(0, i + 1);
                }
            }

            return flat;
        }

        /// <summary>
        /// Writes <paramref name="prefix"/> and <paramref name="text"/>, breaking the text at spaces so no line is wider
        /// than <see cref="Width"/>; continuation lines are indented to where the text started. A word longer than a line
        /// is cut.
        /// </summary>
        public static void WriteWrapped(TextWriter output, string prefix, string text)
        {
            foreach (string line in Wrap(prefix, text))
            {
                output.WriteLine(line);
            }
        }

        /// <summary>The lines <see cref="WriteWrapped"/> writes.</summary>
        public static IEnumerable<string> Wrap(string prefix, string text)
        {
            int indent = prefix.Length < Width / 2 ? prefix.Length : 4;
            var line = new StringBuilder(prefix);
            bool empty = true;
            foreach (string word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                string piece = word;
                if (!empty && line.Length + 1 + piece.Length > Width)
                {
                    yield return line.ToString().TrimEnd();
                    line.Clear().Append(' ', indent);
                    empty = true;
                }

                if (!empty)
                {
                    line.Append(' ');
                }

                while (line.Length + piece.Length > Width)
                {
                    int room = Math.Max(1, Width - line.Length);
                    yield return line.Append(piece, 0, Math.Min(room, piece.Length)).ToString();
                    piece = piece.Substring(Math.Min(room, piece.Length));
                    line.Clear().Append(' ', indent);
                }

                line.Append(piece);
                empty = false;
            }

            yield return line.ToString().TrimEnd();
        }

        private static bool EndsWithAbbreviation(string text, int end)
            => Ends(text, end, "e.g.") || Ends(text, end, "i.e.") || (Ends(text, end, "etc.") && end + 1 < text.Length && char.IsLower(text[end + 1]));

        private static bool Ends(string text, int end, string word)
            => end >= word.Length
                && string.CompareOrdinal(text, end - word.Length, word, 0, word.Length) == 0
                && (end == word.Length || !char.IsLetter(text[end - word.Length - 1]));
    }
}
