using System.Collections.Generic;
using System.Linq;
using TapiGen.Generator.Emit.Json;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Generator.Emit
{
    /// <summary>
    /// Writes {Enum}JsonConverter, a System.Text.Json converter that reads and writes the enum by its JSON names on
    /// UTF-8 bytes: no reflection, no string for a name it reads, pre-encoded names for writing. EnumAttributes puts it
    /// on the enum, so it is the default. Self-contained: it needs neither the helpers nor any runtime library.
    /// </summary>
    internal static class SystemTextJsonEmitter
    {
        private const string Json = "global::System.Text.Json.";
        private const string Reader = "ref " + Json + "Utf8JsonReader reader";
        private const string StackBufferBytes = "StackBufferBytes";

        /// <summary>Flags text longer than this is built on the heap rather than the stack.</summary>
        private const int MaxStackFlagsText = 1024;

        public static string? Emit(EnumModel model, CompilationFacts facts)
        {
            if (!GeneratedNames.EmitsSystemTextJson(model, facts))
            {
                return null;
            }

            var code = new EnumCode(model);
            var w = new SourceWriter();
            GeneratedFile.WriteHeader(w, model, facts);
            if (model.Namespace.Length > 0)
            {
                w.WriteLine("namespace " + Identifiers.EscapeNamespace(model.Namespace));
                using (w.OpenBlock())
                {
                    WriteConverter(w, code, facts);
                }
            }
            else
            {
                WriteConverter(w, code, facts);
            }

            return w.ToString();
        }

        private static void WriteConverter(SourceWriter w, EnumCode code, CompilationFacts facts)
        {
            var text = new Utf8TextCode(code, facts);
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Reads and writes <see cref=\"" + code.Type + "\"/> as JSON with System.Text.Json, by the names in its manifest,");
            w.WriteLine("/// without reflection. It is on the enum as [JsonConverter], so it is used without any option set.");
            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
            w.WriteLine(GeneratedNames.Accessibility(code.Model) + " sealed class " + GeneratedNames.SystemTextJsonConverter(code.Model)
                + " : " + Json + "Serialization.JsonConverter<" + code.Type + ">");
            using (w.OpenBlock())
            {
                ConverterCommon.WriteConstants(w, code);
                if (facts.HasUtf8JsonReaderCopyString)
                {
                    w.WriteLine("private const int " + StackBufferBytes + " = 256;");
                }

                WriteNameFields(w, code);
                text.WriteFields(w);
                WriteRead(w, code);
                WriteWrite(w, code, "Write", "WriteStringValue", "WriteNumberValue(" + code.ToNumber("value") + ")");
                if (facts.HasJsonPropertyNameApis)
                {
                    WriteReadAsPropertyName(w, code);
                    WriteWrite(w, code, "WriteAsPropertyName", "WritePropertyName",
                        "WritePropertyName(" + code.ToNumber("value") + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture))");
                }

                WriteReadText(w, code, facts);
                WriteReadNumber(w, code);
                WriteTryGetName(w, code);
                text.WriteMembers(w);
                code.WriteBitsConversions(w);
                ConverterCommon.WriteTryParseInteger(w, code, "global::System.ReadOnlySpan<byte>");
                if (code.UndefinedIsError)
                {
                    ConverterCommon.WriteIsDefined(w, code);
                }

                WriteTokenDescription(w);
                ConverterCommon.WriteErrors(w, code, Json + "JsonException");
            }
        }

        /// <summary>Each written name, encoded once for the writer (JsonStringEnumConverter encodes its names the same way).</summary>
        private static void WriteNameFields(SourceWriter w, EnumCode code)
        {
            w.WriteLine();
            foreach (var (_, name, index) in ConverterCommon.WrittenCases(code))
            {
                w.WriteLine("private static readonly " + Json + "JsonEncodedText " + NameField(index) + " = " + Json + "JsonEncodedText.Encode("
                    + CSharpLiterals.String(name.Name) + ");");
            }
        }

        private static string NameField(int index) => "s_name" + CSharpLiterals.Int(index);

        private static void WriteRead(SourceWriter w, EnumCode code)
        {
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override " + code.Type + " Read(" + Reader + ", global::System.Type typeToConvert, " + Json + "JsonSerializerOptions options)");
            using (w.OpenBlock())
            {
                w.WriteLine("switch (reader.TokenType)");
                using (w.OpenBlock())
                {
                    SwitchCase.Write(w, "case " + Json + "JsonTokenType.String:", "return ReadText(ref reader);");

                    SwitchCase.Write(w, "case " + Json + "JsonTokenType.Number:", "return ReadNumber(ref reader);");

                    SwitchCase.Write(w, "default:", "throw WrongToken(TokenDescription(reader.TokenType));");
                }
            }
        }

        private static void WriteReadAsPropertyName(SourceWriter w, EnumCode code)
        {
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override " + code.Type + " ReadAsPropertyName(" + Reader + ", global::System.Type typeToConvert, " + Json + "JsonSerializerOptions options)");
            using (w.OpenBlock())
            {
                w.WriteLine("return ReadText(ref reader);");
            }
        }

        /// <summary>Write and WriteAsPropertyName: a name, else (flags) a list of names, else the number or an error.</summary>
        private static void WriteWrite(SourceWriter w, EnumCode code, string method, string writeText, string writeNumber)
        {
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override void " + method + "(" + Json + "Utf8JsonWriter writer, " + code.Type + " value, " + Json + "JsonSerializerOptions options)");
            using (w.OpenBlock())
            {
                w.WriteLine(Json + "JsonEncodedText name;");
                w.WriteLine("if (TryGetName(value, out name))");
                using (w.OpenBlock())
                {
                    w.WriteLine("writer." + writeText + "(name);");
                    w.WriteLine("return;");
                }

                if (code.IsFlags)
                {
                    int size = code.Names.MaxFlagsTextBytes;
                    w.WriteLine();
                    w.WriteLine(size <= MaxStackFlagsText
                        ? "global::System.Span<byte> buffer = stackalloc byte[" + CSharpLiterals.Int(size) + "];"
                        : "global::System.Span<byte> buffer = new byte[" + CSharpLiterals.Int(size) + "];");
                    w.WriteLine("int start = FormatFlags(" + code.ToBits("value") + ", buffer);");
                    w.WriteLine("if (start >= 0)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("writer." + writeText + "((global::System.ReadOnlySpan<byte>)buffer.Slice(start));");
                        w.WriteLine("return;");
                    }
                }

                w.WriteLine();
                w.WriteLine(code.UndefinedIsError ? "throw CannotWrite(value);" : "writer." + writeNumber + ";");
            }
        }

        /// <summary>
        /// The text of a string token as unescaped UTF-8: the reader's own bytes when they need no unescaping (the
        /// usual case), else a copy on the stack (or, when long, the heap).
        /// </summary>
        private static void WriteReadText(SourceWriter w, EnumCode code, CompilationFacts facts)
        {
            w.WriteLine();
            w.WriteLine("private static " + code.Type + " ReadText(" + Reader + ")");
            using (w.OpenBlock())
            {
                if (facts.HasUtf8JsonReaderCopyString)
                {
                    w.WriteLine("if (!reader.HasValueSequence && !reader.ValueIsEscaped)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return Parse(reader.ValueSpan);");
                    }

                    w.WriteLine();
                    w.WriteLine("long length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;");
                    w.WriteLine("global::System.Span<byte> buffer = stackalloc byte[" + StackBufferBytes + "];");
                    w.WriteLine("if (length > " + StackBufferBytes + ")");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("buffer = new byte[length];");
                    }

                    w.WriteLine();
                    w.WriteLine("int written;");
                    w.WriteLine("try");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("written = reader.CopyString(buffer);");
                    }

                    WriteCatchInvalidString(w);
                    w.WriteLine();
                    w.WriteLine("return Parse(buffer.Slice(0, written));");
                }
                else
                {
                    // Before STJ 7 the reader cannot say whether a value is escaped, or unescape into bytes: a backslash
                    // means escaped, and escaped text goes through a string.
                    w.WriteLine("if (!reader.HasValueSequence && global::System.MemoryExtensions.IndexOf(reader.ValueSpan, (byte)'\\\\') < 0)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("return Parse(reader.ValueSpan);");
                    }

                    w.WriteLine();
                    w.WriteLine("string text;");
                    w.WriteLine("try");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("text = reader.GetString() ?? string.Empty;");
                    }

                    WriteCatchInvalidString(w);
                    w.WriteLine();
                    w.WriteLine("return Parse(global::System.Text.Encoding.UTF8.GetBytes(text));");
                }
            }
        }

        /// <summary>The reader throws InvalidOperationException for text it cannot unescape (a lone surrogate); it leaves as JsonException.</summary>
        private static void WriteCatchInvalidString(SourceWriter w)
        {
            w.WriteLine("catch (global::System.InvalidOperationException e)");
            using (w.OpenBlock())
            {
                w.WriteLine("throw new " + Json + "JsonException(\"Cannot convert \" + RawText(ref reader) + \" to \" + TypeName + \": \" + e.Message, e);");
            }
        }

        private static void WriteReadNumber(SourceWriter w, EnumCode code)
        {
            w.WriteLine();
            w.WriteLine("private static " + code.Type + " ReadNumber(" + Reader + ")");
            using (w.OpenBlock())
            {
                if (!code.AllowNumbers)
                {
                    w.WriteLine("throw NumbersNotAllowed(RawText(ref reader).Trim('\"'));");
                }
                else
                {
                    w.WriteLine(code.Underlying + " number;");
                    w.WriteLine("if (!reader." + TryGetMethod(code.Model.UnderlyingType) + "(out number))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("throw NumberOutOfRange(RawText(ref reader).Trim('\"'));");
                    }

                    w.WriteLine();
                    if (code.UndefinedIsError)
                    {
                        w.WriteLine("if (!IsDefined(unchecked((ulong)number)))");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("throw NotDefined(RawText(ref reader).Trim('\"'));");
                        }

                        w.WriteLine();
                    }

                    w.WriteLine("return unchecked((" + code.Type + ")number);");
                }
            }

            w.WriteLine();
            w.WriteLine("/// <summary>A token's text as it is in the JSON (escapes not undone), quoted and cut for a message.</summary>");
            w.WriteLine("private static string RawText(" + Reader + ")");
            using (w.OpenBlock())
            {
                w.WriteLine("if (reader.HasValueSequence)");
                using (w.OpenBlock())
                {
                    w.WriteLine("global::System.Buffers.ReadOnlySequence<byte> sequence = reader.ValueSequence;");
                    w.WriteLine("return Quote(global::System.Buffers.BuffersExtensions.ToArray(sequence.Slice(0, global::System.Math.Min(sequence.Length, 256L))));");
                }

                w.WriteLine();
                w.WriteLine("return Quote(reader.ValueSpan);");
            }
        }

        private static string TryGetMethod(UnderlyingType type)
        {
            switch (type)
            {
                case UnderlyingType.UInt32:
                    return "TryGetUInt32";
                case UnderlyingType.Int64:
                    return "TryGetInt64";
                case UnderlyingType.UInt64:
                    return "TryGetUInt64";
                default:
                    return "TryGetInt32";
            }
        }

        private static void WriteTryGetName(SourceWriter w, EnumCode code)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>The name a member's value is written as: of several members with one value, the first declared.</summary>");
            w.WriteLine("private static bool TryGetName(" + code.Type + " value, out " + Json + "JsonEncodedText name)");
            var written = ConverterCommon.WrittenCases(code).ToList();
            ValueTable? table = ValueTable.For(code.Model.UnderlyingType, written.Select(c => c.Name.Member.Value).ToList());
            if (table is not null)
            {
                WriteTryGetNameFromTable(w, table, written);
                return;
            }

            using (w.OpenBlock())
            {
                w.WriteLine("switch (value)");
                using (w.OpenBlock())
                {
                    foreach (var (label, _, index) in ConverterCommon.WrittenCases(code))
                    {
                        SwitchCase.Write(w, label, "name = " + NameField(index) + ";", "return true;");
                    }

                    SwitchCase.Write(w, "default:", "name = default(" + Json + "JsonEncodedText);", "return false;");
                }
            }
        }

        /// <summary>
        /// TryGetName for values close together: each value's encoded name at its distance from the smallest value, so a
        /// defined value costs one bounds check and one array read whatever the value (see <see cref="ValueTable"/>).
        /// The table is declared after the name fields it copies, so it is initialized after them.
        /// </summary>
        private static void WriteTryGetNameFromTable(SourceWriter w, ValueTable table, IReadOnlyList<(string Label, JsonName Name, int Index)> written)
        {
            string entryType = Json + "JsonEncodedText?";
            using (w.OpenBlock())
            {
                table.WriteLookup(w, "value", entryType, "s_namesByOffset", "entry", "entry.HasValue", "name = entry.GetValueOrDefault();", "return true;");
                w.WriteLine("name = default(" + Json + "JsonEncodedText);");
                w.WriteLine("return false;");
            }

            w.WriteLine();
            table.WriteField(w, entryType, "s_namesByOffset", "The encoded name", written, c => c.Name.Member.Value, c => NameField(c.Index), "null");
        }

        private static void WriteTokenDescription(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("private static string TokenDescription(" + Json + "JsonTokenType token)");
            using (w.OpenBlock())
            {
                w.WriteLine("switch (token)");
                using (w.OpenBlock())
                {
                    foreach (var (token, text) in new[] { ("Null", "null"), ("True", "true"), ("False", "false"), ("StartObject", "an object"), ("StartArray", "an array") })
                    {
                        SwitchCase.Write(w, "case " + Json + "JsonTokenType." + token + ":", "return \"" + text + "\";");
                    }

                    SwitchCase.Write(w, "default:", "return \"an unexpected JSON token\";");
                }
            }
        }
    }
}
