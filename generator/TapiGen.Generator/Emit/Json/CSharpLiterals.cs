using System.Globalization;
using System.Text;

namespace TapiGen.Generator.Emit.Json
{
    /// <summary>C# literals for text and numbers that come from a manifest: escaped, ASCII only, culture-invariant.</summary>
    internal static class CSharpLiterals
    {
        /// <summary>A regular C# string literal; everything outside printable ASCII becomes \uXXXX.</summary>
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
                else if (c < 0x20 || c > 0x7E)
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

        /// <summary>A UTF-8 string literal ("..."u8, C# 11).</summary>
        public static string Utf8String(string text) => String(text) + "u8";

        /// <summary>An unsigned 64-bit hexadecimal literal: 0x10UL.</summary>
        public static string ULong(ulong value) => "0x" + value.ToString("X", CultureInfo.InvariantCulture) + "UL";

        /// <summary>A byte for a switch label: (byte)'A' when printable, else 0xC3.</summary>
        public static string Byte(byte value)
            => value >= 0x20 && value <= 0x7E && value != (byte)'\'' && value != (byte)'\\'
                ? "(byte)'" + (char)value + "'"
                : "0x" + value.ToString("X2", CultureInfo.InvariantCulture);

        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
