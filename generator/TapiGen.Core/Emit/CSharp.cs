using System.Globalization;
using System.Text;

namespace TapiGen.Generator.Emit
{
    /// <summary>The one writer of C# literals: text from a manifest or a header becomes code only through it.</summary>
    internal static class CSharp
    {
        /// <summary>
        /// A regular (not verbatim) string literal. Quotes and backslashes are escaped; anything that is not a printable
        /// character (controls, non-ASCII spaces, line and paragraph separators, formatting characters such as
        /// bidirectional overrides, surrogates, private-use and unassigned code points) becomes a \uXXXX escape, so the
        /// literal is one line of plain, reviewable text and survives any encoding of the generated file.
        /// </summary>
        public static string String(string text)
        {
            var sb = new StringBuilder(text.Length + 2);
            sb.Append('"');
            foreach (char c in text)
            {
                if (c == '"' || c == '\\')
                {
                    sb.Append('\\').Append(c);
                }
                else if (NeedsEscape(c))
                {
                    sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.Append('"').ToString();
        }

        /// <summary>An unsigned 64-bit hexadecimal literal: 0x10UL.</summary>
        public static string ULong(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "UL";

        /// <summary>A hexadecimal literal of the unsigned type of an enum's size: 0x10u or 0x10UL.</summary>
        public static string Storage(ulong value, bool is64Bit) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + (is64Bit ? "UL" : "u");

        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static bool NeedsEscape(char c)
        {
            if (c >= 0x20 && c < 0x7F)
            {
                return false;
            }

            if (c < 0x20 || c == 0x7F)
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                    return true;
                default:
                    return false;
            }
        }
    }
}
