using System.Text.Json;
using System.Text.Json.Serialization;
using Newtonsoft.Json;
using TapiGen.Json.Tests.Enums;
using Xunit;

namespace TapiGen.Json.Tests
{
    /// <summary>
    /// A bad value in a document says where it is, as the libraries' own errors do: System.Text.Json's
    /// "Path: $.States[1] | LineNumber: 0 | BytePositionInLine: 35." and Newtonsoft's "Path 'States[1]', line 1,
    /// position 35.", after the generated converter's own message naming the enum and the text.
    /// </summary>
    public class ErrorLocationTests
    {
        private const string BadDocument = "{\"Event\":\"TE_AGENT\",\"States\":[\"csIdle\",\"CS_NOPE\"]}";

        public sealed class Log
        {
            public TAPI_EVENT Event { get; set; }

            public CALL_STATE[] States { get; set; } = System.Array.Empty<CALL_STATE>();
        }

        public sealed class BuiltIn
        {
            public System.DayOfWeek Event { get; set; }

            public System.DayOfWeek[] States { get; set; } = System.Array.Empty<System.DayOfWeek>();
        }

        [Fact]
        public void System_Text_Json_errors_end_with_the_path_line_and_position_the_serializer_gives()
        {
            var e = Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<Log>(BadDocument));
            Assert.StartsWith("Cannot convert \"CS_NOPE\" to TapiGen.Json.Tests.Enums.CALL_STATE", e.Message);
            Assert.Equal("$.States[1]", e.Path);
            Assert.EndsWith(" Path: $.States[1] | LineNumber: 0 | BytePositionInLine: " + e.BytePositionInLine + ".", e.Message);

            // The built-in converter's error for the same place, as the oracle of the suffix's form.
            var options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
            var oracle = Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<BuiltIn>(
                "{\"Event\":\"Thursday\",\"States\":[\"Monday\",\"CS_NOPE\"]}", options));
            Assert.Equal(e.Path, oracle.Path);
            Assert.Equal(e.BytePositionInLine, oracle.BytePositionInLine);
            Assert.EndsWith(e.Message.Substring(e.Message.IndexOf(" Path: ", System.StringComparison.Ordinal)), oracle.Message);
        }

        [Fact]
        public void Without_a_document_position_the_message_is_the_converters_alone()
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes("\"CS_NOPE\""));
            reader.Read();
            var converter = new CALL_STATEJsonConverter();
            System.Text.Json.JsonException e;
            try
            {
                converter.Read(ref reader, typeof(CALL_STATE), new JsonSerializerOptions());
                throw new Xunit.Sdk.XunitException("no exception");
            }
            catch (System.Text.Json.JsonException caught)
            {
                e = caught;
            }

            Assert.Null(e.Path);
            Assert.DoesNotContain("Path:", e.Message);
        }

        [Fact]
        public void Newtonsoft_errors_end_with_the_path_line_and_position_as_Newtonsoft_writes_them()
        {
            var e = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<Log>(BadDocument));
            Assert.StartsWith("Cannot convert \"CS_NOPE\" to TapiGen.Json.Tests.Enums.CALL_STATE", e.Message);
            Assert.Equal("States[1]", e.Path);
            Assert.EndsWith(" Path 'States[1]', line 1, position " + e.LinePosition + ".", e.Message);

            // Newtonsoft's own StringEnumConverter, as the oracle of the suffix's form.
            var oracle = Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<BuiltIn>(
                "{\"Event\":\"Thursday\",\"States\":[\"Monday\",\"CS_NOPE\"]}", new Newtonsoft.Json.Converters.StringEnumConverter()));
            Assert.EndsWith(" Path 'States[1]', line 1, position " + e.LinePosition + ".", oracle.Message);
        }
    }
}
