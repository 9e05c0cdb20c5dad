using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace TapiGen.Tests.Json
{
    /// <summary>What the System.Text.Json converter does, run on compiled enums with no serializer options set.</summary>
    public class SystemTextJsonConverterTests
    {
        private static Type E(string name) => JsonTestEnums.Enum(JsonTestEnums.Defaults, name);

        private static object V(Type type, ulong bits) => JsonDriver.Value(type, bits);

        [Fact]
        public void The_enum_carries_the_converter_so_no_options_are_needed()
        {
            Type type = E("AGENT_SESSION_EVENT");
            var attribute = type.GetCustomAttribute<System.Text.Json.Serialization.JsonConverterAttribute>();
            Assert.NotNull(attribute);
            Assert.Equal("AGENT_SESSION_EVENTJsonConverter", attribute!.ConverterType!.Name);
            Assert.Equal("\"ASE_READY\"", JsonSerializer.Serialize(V(type, 2), type));
            Assert.Equal(V(type, 2), JsonSerializer.Deserialize("\"ASE_READY\"", type));
        }

        [Fact]
        public void A_record_round_trips_with_plain_nullable_array_and_dictionary_key_uses()
        {
            Type type = E("TAPI_EVENT");
            Type holder = JsonTestEnums.Holder(JsonTestEnums.Defaults, type);
            object callState = V(type, 0x8), both = V(type, 0x8 | 0x2), undefined = V(type, 0x40000000);
            var keys = (IDictionary)Activator.CreateInstance(JsonDriver.Dictionary(type))!;
            keys.Add(callState, 1);
            keys.Add(both, 2);
            keys.Add(undefined, 3);
            Array many = Array.CreateInstance(type, 3);
            many.SetValue(callState, 0);
            many.SetValue(both, 1);
            many.SetValue(undefined, 2);
            object record = Activator.CreateInstance(holder, callState, null, many, keys)!;

            string json = JsonDriver.Write(record, holder);
            Assert.Equal(
                "{\"Value\":\"TE_CALLSTATE\",\"Maybe\":null,\"Many\":[\"TE_CALLSTATE\",\"TE_ADDRESS, TE_CALLSTATE\",1073741824],"
                + "\"Keys\":{\"TE_CALLSTATE\":1,\"TE_ADDRESS, TE_CALLSTATE\":2,\"1073741824\":3}}",
                json);
            object back = JsonDriver.Read(json, holder)!;
            Assert.Equal(json, JsonDriver.Write(back, holder));
            Assert.Equal(callState, holder.GetProperty("Value")!.GetValue(back));
            Assert.Null(holder.GetProperty("Maybe")!.GetValue(back));
        }

        [Theory]
        [InlineData("null", null)]
        [InlineData("\"ASE_BUSY\"", 3UL)]
        [InlineData("4", 4UL)]
        public void Nullable_enums_use_the_converter_for_their_values(string json, ulong? bits)
        {
            Type type = E("AGENT_SESSION_EVENT");
            object? value = JsonDriver.Read(json, JsonDriver.Nullable(type));
            Assert.Equal(bits is null ? null : V(type, bits.Value), value);
            Assert.Equal(bits == 4 ? "\"ASE_WRAPUP\"" : json, JsonDriver.Write(value, JsonDriver.Nullable(type)));
        }

        [Theory]
        [InlineData("ALIASES", 1UL, "\"MM\"")]
        [InlineData("FLAG_ALIASES", 1UL, "\"X\"")]
        [InlineData("FLAG_ALIASES", 3UL, "\"BOTH\"")]
        [InlineData("FLAG_ALIASES", 7UL, "\"BOTH, Z\"")]
        [InlineData("FLAG_ALIASES", 0x15UL, "\"X, Z, W\"")]
        [InlineData("FLAG_ALIASES", 0UL, "\"NONE\"")]
        [InlineData("FLAG_ALIASES", 8UL, "8")]
        [InlineData("NO_ZERO_FLAGS", 0UL, "0")]
        [InlineData("NO_ZERO_FLAGS", 7UL, "\"X, Y, Z\"")]
        [InlineData("FLAGS64", 0x8000000000000001UL, "\"A, TOP\"")]
        [InlineData("WIDE", ulong.MaxValue, "\"A\"")]
        [InlineData("WIDE", 0xFFFFFFFFFFFFFFFEUL, "-2")]
        [InlineData("UWIDE", ulong.MaxValue, "\"B\"")]
        [InlineData("UWIDE", ulong.MaxValue - 1, "18446744073709551614")]
        [InlineData("UNICODE", 1UL, "\"\\u00C4RGER\"")]
        public void Writes_like_JsonStringEnumConverter_first_declared_alias_and_flags_greedily(string enumName, ulong bits, string expected)
        {
            Type type = E(enumName);
            object value = V(type, bits);
            Assert.Equal(expected, JsonDriver.Write(value, type));
            Assert.Equal(JsonDriver.Write(value, type, JsonDriver.Oracle), JsonDriver.Write(value, type));
            Assert.Equal(value, JsonDriver.Read(expected, type));
        }

        [Theory]
        [InlineData("\"\\u0041SE_READY\"")] // escaped: unescaped on the stack
        [InlineData("\"ASE\\u005FREADY\"")]
        [InlineData("\" ASE_READY\"")]
        [InlineData("\"ASE_READY\\t\"")]
        [InlineData("\"\\u00A0ASE_READY\\u3000\"")]
        [InlineData("\"2\"")]
        [InlineData("\" +2 \"")]
        [InlineData("\"002\"")]
        [InlineData("2")]
        public void Reads_names_white_space_escapes_and_integers(string json)
        {
            Type type = E("AGENT_SESSION_EVENT");
            Assert.Equal(V(type, 2), JsonDriver.Read(json, type));
            Assert.Equal(V(type, 2), JsonDriver.ReadSegmented(json, type));
        }

        [Theory]
        [InlineData("\"TE_ADDRESS, TE_CALLSTATE\"", 0xAUL)]
        [InlineData("\"TE_CALLSTATE,TE_ADDRESS\"", 0xAUL)]
        [InlineData("\" TE_CALLSTATE ,\\tTE_ADDRESS \"", 0xAUL)]
        [InlineData("\"TE_CALLSTATE, TE_CALLSTATE\"", 0x8UL)]
        [InlineData("\"TE_CALLSTATE, TE_ADDRESS,\"", 0xAUL)]
        [InlineData("\"10\"", 0xAUL)]
        [InlineData("1073741824", 0x40000000UL)]
        public void Reads_flags_as_comma_lists(string json, ulong bits)
        {
            Type type = E("TAPI_EVENT");
            Assert.Equal(V(type, bits), JsonDriver.Read(json, type));
            Assert.Equal(V(type, bits), JsonDriver.ReadSegmented(json, type));
        }

        [Theory]
        [InlineData("AGENT_SESSION_EVENT", "\"ase_ready\"", "\"ase_ready\"")]
        [InlineData("AGENT_SESSION_EVENT", "\"ASE_READY, ASE_BUSY\"", "\"ASE_READY, ASE_BUSY\"")]
        [InlineData("AGENT_SESSION_EVENT", "\"ASE_READYX\"", "\"ASE_READYX\"")]
        [InlineData("AGENT_SESSION_EVENT", "\"\"", "an empty string")]
        [InlineData("AGENT_SESSION_EVENT", "\"   \"", "an empty string")]
        [InlineData("AGENT_SESSION_EVENT", "null", "null")]
        [InlineData("AGENT_SESSION_EVENT", "true", "true")]
        [InlineData("AGENT_SESSION_EVENT", "[]", "an array")]
        [InlineData("AGENT_SESSION_EVENT", "{}", "an object")]
        [InlineData("AGENT_SESSION_EVENT", "1.5", "1.5")]
        [InlineData("AGENT_SESSION_EVENT", "2147483648", "2147483648")]
        [InlineData("AGENT_SESSION_EVENT", "\"2147483648\"", "\"2147483648\"")]
        [InlineData("AGENT_SESSION_EVENT", "\"0x1\"", "\"0x1\"")]
        [InlineData("PROPDESC_TYPE_FLAGS", "-1", "-1")]
        [InlineData("PROPDESC_TYPE_FLAGS", "\"-1\"", "\"-1\"")]
        [InlineData("UWIDE", "18446744073709551616", "18446744073709551616")]
        [InlineData("TAPI_EVENT", "\"TE_CALLSTATE,,TE_ADDRESS\"", "\"TE_CALLSTATE,,TE_ADDRESS\"")]
        [InlineData("TAPI_EVENT", "\",TE_CALLSTATE\"", "\",TE_CALLSTATE\"")]
        [InlineData("TAPI_EVENT", "\"TE_CALLSTATE, 8\"", "\"TE_CALLSTATE, 8\"")]
        [InlineData("TAPI_EVENT", "\"TE_CALLSTATE|TE_ADDRESS\"", "\"TE_CALLSTATE|TE_ADDRESS\"")]
        [InlineData("AGENT_SESSION_EVENT", "\"ASE_\\uD800READY\"", "\"ASE_\\uD800READY\"")]
        public void Rejects_anything_else_with_a_JsonException_that_names_the_enum_and_the_text(string enumName, string json, string shown)
        {
            Type type = E(enumName);
            var e = Assert.ThrowsAny<JsonException>(() => JsonDriver.Read(json, type));
            Assert.Contains("Tapi.Tests." + enumName, e.Message);
            Assert.Contains(shown, e.Message);
            Assert.ThrowsAny<JsonException>(() => JsonDriver.ReadSegmented(json, type));
        }

        [Fact]
        public void Long_text_is_cut_in_messages_and_long_escaped_text_is_unescaped_on_the_heap()
        {
            Type type = E("AGENT_SESSION_EVENT");
            string longName = new string('A', 300);
            var e = Assert.ThrowsAny<JsonException>(() => JsonDriver.Read("\"" + longName + "\"", type));
            Assert.Contains("\"" + new string('A', 64) + "...\"", e.Message);
            Assert.DoesNotContain(new string('A', 65), e.Message);

            string padded = "\"" + new string(' ', 300) + "\\u0041SE_BUSY\"";
            Assert.Equal(V(type, 3), JsonDriver.Read(padded, type));
            Assert.Equal(V(type, 3), JsonDriver.ReadSegmented(padded, type));
        }

        [Fact]
        public void Dictionary_keys_use_the_names_and_read_numbers_back()
        {
            Type type = E("CALL_STATE");
            Type dictionary = JsonDriver.Dictionary(type);
            var keys = (IDictionary)Activator.CreateInstance(dictionary)!;
            keys.Add(V(type, 1), 10);
            keys.Add(V(type, 99), 20);
            string json = JsonDriver.Write(keys, dictionary);
            Assert.Equal("{\"CS_INPROGRESS\":10,\"99\":20}", json);
            Assert.Equal(JsonDriver.Write(keys, dictionary, JsonDriver.Oracle), json);
            var back = (IDictionary)JsonDriver.Read(json, dictionary)!;
            Assert.Equal(20, back[V(type, 99)]);
            Assert.ThrowsAny<JsonException>(() => JsonDriver.Read("{\"cs_inprogress\":1}", dictionary));
            Assert.ThrowsAny<JsonException>(() => JsonDriver.Read("{\"CS_NOPE\":1}", dictionary));
        }

        [Fact]
        public void Case_insensitive_reading_is_an_option_with_ordinal_rules_beyond_ASCII()
        {
            Type type = JsonTestEnums.Enum(JsonTestEnums.IgnoreCase, "AGENT_SESSION_EVENT");
            Assert.Equal(JsonDriver.Value(type, 2), JsonDriver.Read("\"ase_Ready\"", type));
            Type unicode = JsonTestEnums.Enum(JsonTestEnums.IgnoreCase, "UNICODE");
            Assert.Equal(JsonDriver.Value(unicode, 1), JsonDriver.Read("\"\u00E4rger\"", unicode));
            Assert.Equal(JsonDriver.Value(unicode, 2), JsonDriver.Read("\"STRA\u00DFE\"", unicode));

            // OrdinalIgnoreCase does not fold long s to S or dotless i to I; neither does JsonStringEnumConverter.
            foreach (string json in new[] { "\"STOP\"", "\"IX\"", "\"ARGER\"" })
            {
                Assert.Equal(JsonDriver.Outcome(() => JsonDriver.Read(json, unicode, JsonDriver.Oracle)), JsonDriver.Outcome(() => JsonDriver.Read(json, unicode)));
                Assert.ThrowsAny<JsonException>(() => JsonDriver.Read(json, unicode));
            }
        }

        [Fact]
        public void Strict_options_reject_numbers_and_undefined_values_on_both_sides()
        {
            Type type = JsonTestEnums.Enum(JsonTestEnums.Strict, "TAPI_EVENT");
            Assert.Contains("numbers are not allowed", Assert.ThrowsAny<JsonException>(() => JsonDriver.Read("8", type)).Message);
            Assert.Contains("numbers are not allowed", Assert.ThrowsAny<JsonException>(() => JsonDriver.Read("\"8\"", type)).Message);
            Assert.Equal(JsonDriver.Value(type, 8), JsonDriver.Read("\"TE_CALLSTATE\"", type));

            var write = Assert.ThrowsAny<JsonException>(() => JsonDriver.Write(JsonDriver.Value(type, 0x40000000), type));
            Assert.Contains("1073741824", write.Message);
            Assert.Contains("Tapi.Tests.TAPI_EVENT", write.Message);
            Assert.ThrowsAny<JsonException>(() => JsonDriver.Write(JsonDriver.Value(type, 0), type));
            Assert.Equal("\"TE_ADDRESS, TE_CALLSTATE\"", JsonDriver.Write(JsonDriver.Value(type, 0xA), type));
            Type dictionary = JsonDriver.Dictionary(type);
            var keys = (IDictionary)Activator.CreateInstance(dictionary)!;
            keys.Add(JsonDriver.Value(type, 0x40000000), 1);
            Assert.ThrowsAny<JsonException>(() => JsonDriver.Write(keys, dictionary));
        }

        [Fact]
        public void Undefined_numbers_are_rejected_when_undefined_is_an_error_but_numbers_are_allowed()
        {
            Assembly assembly = JsonCompilation.Load(
                new[] { Infrastructure.TestManifests.Inline("STATES", "A:1", "B:2"), Infrastructure.TestManifests.Inline("BITS", "NONE:0", "X:0x1", "Y:0x2", "Z:0x4") },
                JsonCompilation.Properties(("JsonUndefined", "Error")));
            Type states = JsonCompilation.EnumType(assembly, "STATES"), bits = JsonCompilation.EnumType(assembly, "BITS");
            Assert.Equal(JsonDriver.Value(states, 2), JsonDriver.Read("2", states));
            Assert.Equal(JsonDriver.Value(states, 2), JsonDriver.Read("\"2\"", states));
            Assert.Contains("not a defined value", Assert.ThrowsAny<JsonException>(() => JsonDriver.Read("3", states)).Message);
            Assert.Contains("not a defined value", Assert.ThrowsAny<JsonException>(() => JsonDriver.Read("\"3\"", states)).Message);
            Assert.Equal(JsonDriver.Value(bits, 7), JsonDriver.Read("7", bits));
            Assert.ThrowsAny<JsonException>(() => JsonDriver.Read("8", bits));
        }

        [Fact]
        public void Converter_built_for_STJ_6_without_ValueIsEscaped_runs_on_todays_STJ()
        {
            var output = JsonCompilation.Compile(
                JsonTestEnums.Manifests.Take(2),
                languageVersion: Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3,
                refs: Infrastructure.TargetRefs.NetStandard20,
                stj: StjPackage.V6_0_11);
            string source = output.Result.GeneratedTrees.Single(t => t.FilePath.EndsWith("TAPI_EVENT.JsonConverter.g.cs", StringComparison.Ordinal)).ToString();
            Assert.DoesNotContain("ValueIsEscaped", source);
            Assert.Contains("ReadAsPropertyName", source);

            Assembly assembly = Infrastructure.GeneratorHarness.Load(output.Compilation);
            Type type = JsonCompilation.EnumType(assembly, "TAPI_EVENT");
            Assert.Equal(JsonDriver.Value(type, 0xA), JsonDriver.Read("\"TE_\\u0041DDRESS, TE_CALLSTATE\"", type));
            Assert.Equal(JsonDriver.Value(type, 0xA), JsonDriver.ReadSegmented("\"TE_ADDRESS, TE_CALLSTATE\"", type));
            Assert.Equal("\"TE_ADDRESS, TE_CALLSTATE\"", JsonDriver.Write(JsonDriver.Value(type, 0xA), type));
            Assert.ThrowsAny<JsonException>(() => JsonDriver.Read("\"TE_\\uD800\"", type));
        }
    }
}
