using System.Linq;
using TapiGen.Generator.Emit.Json;
using TapiGen.Generator.Model;
using TapiGen.Generator.Parsing;

namespace TapiGen.Generator.Emit
{
    /// <summary>
    /// Writes {Enum}NewtonsoftJsonConverter: the same names and rules as the System.Text.Json converter, for
    /// Newtonsoft.Json. It handles E and E? (Newtonsoft asks a converter for both), works on strings (Newtonsoft has
    /// no UTF-8 reader, and a netstandard2.0 consumer of it may have no spans), and uses no reflection. Used when
    /// registered, or by default when NewtonsoftAttribute puts Newtonsoft's [JsonConverter] on the enum.
    /// </summary>
    internal static class NewtonsoftJsonEmitter
    {
        private const string Newtonsoft = "global::Newtonsoft.Json.";

        public static string? Emit(EnumModel model, CompilationFacts facts)
        {
            if (!GeneratedNames.EmitsNewtonsoftJson(model, facts))
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
            string nullable = facts.SupportsNullable ? "?" : string.Empty;
            var text = new StringTextCode(code, nullable);
            w.WriteLine("/// <summary>");
            w.WriteLine("/// Reads and writes <see cref=\"" + code.Type + "\"/> (and its nullable form) as JSON with Newtonsoft.Json, by the");
            w.WriteLine("/// names in its manifest, without reflection. Add it to JsonSerializerSettings.Converters, or set TapiGenNewtonsoftAttribute.");
            w.WriteLine("/// </summary>");
            w.WriteLine(GeneratedFile.GeneratedCodeAttribute);
            w.WriteLine(GeneratedNames.Accessibility(code.Model) + " sealed class " + GeneratedNames.NewtonsoftJsonConverter(code.Model) + " : " + Newtonsoft + "JsonConverter");
            using (w.OpenBlock())
            {
                ConverterCommon.WriteConstants(w, code);
                text.WriteFields(w);
                WriteCanConvert(w, code);
                WriteReadJson(w, code, nullable);
                WriteWriteJson(w, code, nullable);
                WriteReadInteger(w, code, nullable);
                WriteGetName(w, code, nullable);
                text.WriteMembers(w);
                code.WriteBitsConversions(w);
                ConverterCommon.WriteTryParseInteger(w, code, "string");
                if (code.UndefinedIsError)
                {
                    ConverterCommon.WriteIsDefined(w, code);
                }

                WriteTokenDescription(w);
                ConverterCommon.WriteErrors(w, code, Newtonsoft + "JsonSerializationException");
            }
        }

        private static void WriteCanConvert(SourceWriter w, EnumCode code)
        {
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override bool CanConvert(global::System.Type objectType)");
            using (w.OpenBlock())
            {
                w.WriteLine("return objectType == typeof(" + code.Type + ") || objectType == typeof(" + code.Type + "?);");
            }
        }

        private static void WriteReadJson(SourceWriter w, EnumCode code, string nullable)
        {
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override object" + nullable + " ReadJson(" + Newtonsoft + "JsonReader reader, global::System.Type objectType, object" + nullable + " existingValue, " + Newtonsoft + "JsonSerializer serializer)");
            using (w.OpenBlock())
            {
                w.WriteLine("switch (reader.TokenType)");
                using (w.OpenBlock())
                {
                    SwitchCase.Write(w, "case " + Newtonsoft + "JsonToken.String:", "return Parse(reader.Value as string ?? string.Empty);");
                    SwitchCase.Write(w, "case " + Newtonsoft + "JsonToken.Integer:", "return ReadInteger(reader.Value);");
                    w.WriteLine("case " + Newtonsoft + "JsonToken.Null:");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("if (objectType == typeof(" + code.Type + "?))");
                        using (w.OpenBlock())
                        {
                            w.WriteLine("return null;");
                        }

                        w.WriteLine();
                        w.WriteLine("throw WrongToken(\"null\");");
                    }

                    SwitchCase.Write(w, "default:", "throw WrongToken(TokenDescription(reader.TokenType));");
                }
            }
        }

        private static void WriteWriteJson(SourceWriter w, EnumCode code, string nullable)
        {
            w.WriteLine();
            w.WriteLine("/// <inheritdoc/>");
            w.WriteLine("public override void WriteJson(" + Newtonsoft + "JsonWriter writer, object" + nullable + " value, " + Newtonsoft + "JsonSerializer serializer)");
            using (w.OpenBlock())
            {
                w.WriteLine("if (value == null)");
                using (w.OpenBlock())
                {
                    w.WriteLine("writer.WriteNull();");
                    w.WriteLine("return;");
                }

                w.WriteLine();
                w.WriteLine("if (!(value is " + code.Type + "))");
                using (w.OpenBlock())
                {
                    w.WriteLine("throw new " + Newtonsoft + "JsonSerializationException(\"Cannot write a \" + value.GetType().Name + \" as \" + TypeName + \".\");");
                }

                w.WriteLine();
                w.WriteLine(code.Type + " member = (" + code.Type + ")value;");
                w.WriteLine("string" + nullable + " name = GetName(member);");
                if (code.IsFlags)
                {
                    w.WriteLine("if (name == null)");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("name = FormatFlags(" + code.ToBits("member") + ");");
                    }

                    w.WriteLine();
                }

                w.WriteLine("if (name != null)");
                using (w.OpenBlock())
                {
                    w.WriteLine("writer.WriteValue(name);");
                    w.WriteLine("return;");
                }

                w.WriteLine();
                w.WriteLine(code.UndefinedIsError ? "throw CannotWrite(member);" : "writer.WriteValue(" + code.ToNumber("member") + ");");
            }
        }

        /// <summary>Newtonsoft reads an integer as long, or BigInteger beyond it: its invariant text covers both.</summary>
        private static void WriteReadInteger(SourceWriter w, EnumCode code, string nullable)
        {
            w.WriteLine();
            w.WriteLine("private static " + code.Type + " ReadInteger(object" + nullable + " number)");
            using (w.OpenBlock())
            {
                w.WriteLine("string shown = global::System.Convert.ToString(number, global::System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;");
                if (!code.AllowNumbers)
                {
                    w.WriteLine("throw NumbersNotAllowed(Quote(shown).Trim('\"'));");
                    return;
                }

                w.WriteLine("ulong bits;");
                w.WriteLine("if (TryParseInteger(shown, out bits) != " + ConverterCommon.ReadOk + ")");
                using (w.OpenBlock())
                {
                    w.WriteLine("throw NumberOutOfRange(Quote(shown).Trim('\"'));");
                }

                w.WriteLine();
                if (code.UndefinedIsError)
                {
                    w.WriteLine("if (!IsDefined(bits))");
                    using (w.OpenBlock())
                    {
                        w.WriteLine("throw NotDefined(Quote(shown).Trim('\"'));");
                    }

                    w.WriteLine();
                }

                w.WriteLine("return " + code.FromBits("bits") + ";");
            }
        }

        private static void WriteGetName(SourceWriter w, EnumCode code, string nullable)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>The name a member's value is written as: of several members with one value, the first declared.</summary>");
            w.WriteLine("private static string" + nullable + " GetName(" + code.Type + " value)");
            var written = ConverterCommon.WrittenCases(code).ToList();
            ValueTable? table = ValueTable.For(code.Model.UnderlyingType, written.Select(c => c.Name.Member.Value).ToList());
            if (table is not null)
            {
                // Values close together: an array read instead of a switch the processor mispredicts (see ValueTable).
                string element = "string" + nullable;
                using (w.OpenBlock())
                {
                    table.WriteLookup(w, "value", element, "s_namesByOffset", "name", "name != null", "return name;");
                    w.WriteLine("return null;");
                }

                w.WriteLine();
                table.WriteField(w, element, "s_namesByOffset", "The name", written, c => c.Name.Member.Value, c => CSharpLiterals.String(c.Name.Name), "null");
                return;
            }

            using (w.OpenBlock())
            {
                w.WriteLine("switch (value)");
                using (w.OpenBlock())
                {
                    foreach (var (label, name, _) in ConverterCommon.WrittenCases(code))
                    {
                        SwitchCase.Write(w, label, "return " + CSharpLiterals.String(name.Name) + ";");
                    }

                    SwitchCase.Write(w, "default:", "return null;");
                }
            }
        }

        private static void WriteTokenDescription(SourceWriter w)
        {
            w.WriteLine();
            w.WriteLine("private static string TokenDescription(" + Newtonsoft + "JsonToken token)");
            using (w.OpenBlock())
            {
                w.WriteLine("switch (token)");
                using (w.OpenBlock())
                {
                    foreach (var (token, description) in new[]
                    {
                        ("Boolean", "a boolean"), ("Float", "a number with a fraction or an exponent"), ("Date", "a date"),
                        ("StartObject", "an object"), ("StartArray", "an array"), ("Undefined", "undefined"),
                    })
                    {
                        SwitchCase.Write(w, "case " + Newtonsoft + "JsonToken." + token + ":", "return \"" + description + "\";");
                    }

                    SwitchCase.Write(w, "default:", "return \"an unexpected JSON token\";");
                }
            }
        }
    }
}
