using System.Collections.Generic;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Emit.Json
{
    /// <summary>
    /// Members both converters need, written the same way for each: the flags table, the defined-value test and the
    /// integer reader. The text type differs (UTF-8 bytes for System.Text.Json, a string for Newtonsoft), the code not:
    /// text[i] and text.Length mean the same on both.
    /// </summary>
    internal static class ConverterCommon
    {
        public const string ReadOk = "IntegerRead";
        public const string NotANumber = "NotAnInteger";
        public const string OutOfRange = "IntegerOutOfRange";

        /// <summary>The enum's name for messages, and the result codes of TryParseInteger.</summary>
        public static void WriteConstants(SourceWriter w, EnumCode code)
        {
            w.WriteLine("private const string TypeName = " + CSharpLiterals.String(code.Model.FullName) + ";");
            w.WriteLine("private const int " + NotANumber + " = 0;");
            w.WriteLine("private const int " + ReadOk + " = 1;");
            w.WriteLine("private const int " + OutOfRange + " = 2;");
            if (code.IsFlags)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>The members' nonzero values, highest first: flags are named greedily in this order, as Enum.ToString does.</summary>");
                w.WriteLine("private static readonly ulong[] s_flagBits =");
                using (w.OpenBlock(";"))
                {
                    foreach (JsonName name in code.Names.FlagsDescending)
                    {
                        w.WriteLine(CSharpLiterals.ULong(name.Bits) + ",");
                    }
                }
            }
        }

        /// <summary>
        /// IsDefined(bits): a member's value or (flags) a combination the writer can name. Only used when undefined
        /// values are errors.
        /// </summary>
        public static void WriteIsDefined(SourceWriter w, EnumCode code)
        {
            w.WriteLine();
            w.WriteLine("private static bool IsDefined(ulong bits)");
            using (w.OpenBlock())
            {
                w.WriteLine("switch (bits)");
                using (w.OpenBlock())
                {
                    for (int i = 0; i < code.Names.Written.Count; i++)
                    {
                        string label = "case " + CSharpLiterals.ULong(code.Names.Written[i].Bits) + ":";
                        if (i < code.Names.Written.Count - 1)
                        {
                            w.WriteLine(label);
                        }
                        else
                        {
                            SwitchCase.Write(w, label, "return true;");
                        }
                    }

                    SwitchCase.Write(w, "default:", code.IsFlags ? "return IsCombination(bits);" : "return false;");
                }
            }

            if (code.IsFlags)
            {
                w.WriteLine();
                w.WriteLine("/// <summary>Whether the flags in bits can all be named, the way FormatFlags names them.</summary>");
                w.WriteLine("private static bool IsCombination(ulong bits)");
                using (w.OpenBlock())
                {
                    w.WriteLine("if (bits == 0)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return false;");
                    }

                    w.WriteLine();
                    w.WriteLine("foreach (ulong flag in s_flagBits)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("if ((bits & flag) == flag)");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("bits &= ~flag;");
                        }
                    }

                    w.WriteLine();
                    w.WriteLine("return bits == 0;");
                }
            }
        }

        /// <summary>
        /// TryParseInteger(text, out bits): an optional sign and ASCII digits only (the caller trims), range-checked
        /// for the underlying type, as Enum.TryParse reads numbers ("-0" is 0 even for unsigned types).
        /// </summary>
        public static void WriteTryParseInteger(SourceWriter w, EnumCode code, string textType)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>Reads [+|-]digits as the underlying type: " + ReadOk + ", " + NotANumber + " or " + OutOfRange + ".</summary>");
            w.WriteLine("private static int TryParseInteger(" + textType + " text, out ulong bits)");
            using (w.OpenBlock())
            {
                w.WriteLine("bits = 0;");
                w.WriteLine("int i = 0;");
                w.WriteLine("bool negative = false;");
                w.WriteLine("if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))");
                using (w.OpenBlock())
                {
                    w.WriteLine("negative = text[0] == '-';");
                    w.WriteLine("i = 1;");
                }

                w.WriteLine();
                w.WriteLine("if (i == text.Length)");
                using (w.OpenBlock())
                {
                    w.WriteLine("return " + NotANumber + ";");
                }

                w.WriteLine();
                w.WriteLine("ulong magnitude = 0;");
                w.WriteLine("bool overflow = false;");
                w.WriteLine("for (; i < text.Length; i++)");
                using (w.OpenBlock())
                {
                    w.WriteLine("uint digit = unchecked((uint)(text[i] - '0'));");
                    w.WriteLine("if (digit > 9)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return " + NotANumber + ";");
                    }

                    w.WriteLine();
                    w.WriteLine("if (magnitude > (ulong.MaxValue - digit) / 10)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("overflow = true;");
                    }

                    w.WriteLine("else");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("magnitude = (magnitude * 10) + digit;");
                    }
                }

                w.WriteLine();
                w.WriteLine("if (overflow || " + RangeCheck(code.Model.UnderlyingType) + ")");
                using (w.OpenBlock())
                {
                    w.WriteLine("return " + OutOfRange + ";");
                }

                w.WriteLine();
                w.WriteLine("bits = negative ? unchecked(0UL - magnitude) : magnitude;");
                w.WriteLine("return " + ReadOk + ";");
            }
        }

        private static string RangeCheck(UnderlyingType type)
        {
            switch (type)
            {
                case UnderlyingType.UInt32:
                    return "(negative ? magnitude != 0 : magnitude > 0xFFFFFFFFUL)";
                case UnderlyingType.Int64:
                    return "(negative ? magnitude > 0x8000000000000000UL : magnitude > 0x7FFFFFFFFFFFFFFFUL)";
                case UnderlyingType.UInt64:
                    return "(negative && magnitude != 0)";
                default:
                    return "(negative ? magnitude > 0x80000000UL : magnitude > 0x7FFFFFFFUL)";
            }
        }

        /// <summary>The written name for each distinct value, as "case global::E.X:" labels for a switch on the enum.</summary>
        public static IEnumerable<(string Label, JsonName Name, int Index)> WrittenCases(EnumCode code)
        {
            for (int i = 0; i < code.Names.Written.Count; i++)
            {
                JsonName name = code.Names.Written[i];
                yield return ("case " + code.Member(name.Member) + ":", name, i);
            }
        }

        /// <summary>
        /// The exception factories, one per kind of problem, with the same messages in both converters. Each takes the
        /// offending text already quoted and shortened (see Quote), so no caller formats a message itself.
        /// </summary>
        public static void WriteErrors(SourceWriter w, EnumCode code, string exceptionType)
        {
            string expected = code.AllowNumbers ? "a member name or an integer" : "a member name";
            WriteError(w, exceptionType, "NotAName(string shown)",
                "\"Cannot convert \" + shown + \" to \" + TypeName + \": it is not " + expected + ".\"");
            WriteError(w, exceptionType, "EmptyText()",
                "\"Cannot convert an empty string to \" + TypeName + \": expected " + expected + ".\"");
            WriteError(w, exceptionType, "WrongToken(string token)",
                "\"Cannot convert \" + token + \" to \" + TypeName + \": expected a string" + (code.AllowNumbers ? " or an integer" : string.Empty) + ".\"");
            WriteError(w, exceptionType, "NumberOutOfRange(string shown)",
                "\"Cannot convert \" + shown + \" to \" + TypeName + \": it is not an integer within the range of " + code.Underlying + ".\"");
            if (!code.AllowNumbers)
            {
                WriteError(w, exceptionType, "NumbersNotAllowed(string shown)",
                    "\"Cannot convert \" + shown + \" to \" + TypeName + \": numbers are not allowed (TapiGenJsonAllowNumbers is false).\"");
            }

            if (code.UndefinedIsError)
            {
                WriteError(w, exceptionType, "NotDefined(string shown)",
                    "\"Cannot convert \" + shown + \" to \" + TypeName + \": it is not a defined value (TapiGenJsonUndefined is Error).\"");
                WriteError(w, exceptionType, "CannotWrite(" + code.Type + " value)",
                    "\"Cannot write \" + " + code.ToNumber("value") + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" as \" + TypeName + \": it is not a defined value (TapiGenJsonUndefined is Error).\"");
            }
        }

        private static void WriteError(SourceWriter w, string exceptionType, string signature, string message)
        {
            w.WriteLine();
            w.WriteLine("private static " + exceptionType + " " + signature);
            using (w.OpenBlock())
            {
                w.WriteLine("return new " + exceptionType + "(" + message + ");");
            }
        }
    }
}
