using System.Collections.Generic;
using Newtonsoft.Json;
using TapiGen.Json.Tests.Enums;
using Xunit;

namespace TapiGen.Json.Tests
{
    /// <summary>The generated Newtonsoft.Json converters: the same names and rules as the System.Text.Json ones.</summary>
    public class NewtonsoftConverterTests
    {
        /// <summary>AGENT_SESSION_EVENT has no attribute (the default): its converter is registered.</summary>
        private static readonly JsonSerializerSettings s_registered = new JsonSerializerSettings
        {
            Converters = { new AGENT_SESSION_EVENTNewtonsoftJsonConverter() },
        };

        public sealed class Model
        {
            public TAPI_EVENT Event { get; set; }

            public TAPI_EVENT? Maybe { get; set; }

            public CALL_STATE[] States { get; set; } = System.Array.Empty<CALL_STATE>();

            public AGENT_SESSION_EVENT Session { get; set; }

            public AGENT_SESSION_EVENT? NoSession { get; set; }
        }

        [Fact]
        public void A_model_round_trips_by_name_with_attribute_and_registered_converters()
        {
            var model = new Model
            {
                Event = TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_CALLSTATE,
                Maybe = (TAPI_EVENT)0x40000000,
                States = new[] { CALL_STATE.CS_CONNECTED, CALL_STATE.CS_LASTITEM, (CALL_STATE)42 },
                Session = AGENT_SESSION_EVENT.ASE_READY,
            };

            string json = JsonConvert.SerializeObject(model, s_registered);
            Assert.Equal(
                "{\"Event\":\"TE_ADDRESS, TE_CALLSTATE\",\"Maybe\":1073741824,\"States\":[\"csConnected\",\"csQueued\",42],\"Session\":\"ASE_READY\",\"NoSession\":null}",
                json);
            Model back = JsonConvert.DeserializeObject<Model>(json, s_registered)!;
            Assert.Equal(json, JsonConvert.SerializeObject(back, s_registered));
            Assert.Null(back.NoSession);
        }

        [Theory]
        [InlineData("\"ASE_READY\"", AGENT_SESSION_EVENT.ASE_READY)]
        [InlineData("\" ASE_READY\\t\"", AGENT_SESSION_EVENT.ASE_READY)]
        [InlineData("\"\\u0041SE_READY\"", AGENT_SESSION_EVENT.ASE_READY)]
        [InlineData("2", AGENT_SESSION_EVENT.ASE_READY)]
        [InlineData("\" +2 \"", AGENT_SESSION_EVENT.ASE_READY)]
        [InlineData("7", (AGENT_SESSION_EVENT)7)]
        public void Reads_what_the_System_Text_Json_converter_reads(string json, AGENT_SESSION_EVENT expected)
        {
            Assert.Equal(expected, JsonConvert.DeserializeObject<AGENT_SESSION_EVENT>(json, s_registered));
            Assert.Equal(expected, System.Text.Json.JsonSerializer.Deserialize<AGENT_SESSION_EVENT>(json));
        }

        [Theory]
        [InlineData("\"ase_ready\"")]
        [InlineData("\"ASE_READY, ASE_BUSY\"")]
        [InlineData("\"\"")]
        [InlineData("null")]
        [InlineData("true")]
        [InlineData("1.5")]
        [InlineData("2147483648")]
        [InlineData("[]")]
        public void Rejects_what_the_System_Text_Json_converter_rejects_with_a_JsonSerializationException(string json)
        {
            var e = Assert.ThrowsAny<JsonException>(() => JsonConvert.DeserializeObject<AGENT_SESSION_EVENT>(json, s_registered));
            Assert.Contains("AGENT_SESSION_EVENT", e.Message);
            Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<AGENT_SESSION_EVENT>(json));
        }

        [Fact]
        public void Flags_lists_options_and_errors_follow_the_manifest_options()
        {
            Assert.Equal(TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_CALLSTATE, JsonConvert.DeserializeObject<TAPI_EVENT>("\" TE_CALLSTATE ,TE_ADDRESS,\""));
            Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<TAPI_EVENT>("\"TE_CALLSTATE,,TE_ADDRESS\""));

            // PROPDESC_TYPE_FLAGS: JsonIgnoreCase, JsonUndefined=Error.
            Assert.Equal(PROPDESC_TYPE_FLAGS.PDTF_ISGROUP, JsonConvert.DeserializeObject<PROPDESC_TYPE_FLAGS>("\"pdtf_isgroup\""));
            Assert.Throws<JsonSerializationException>(() => JsonConvert.SerializeObject((PROPDESC_TYPE_FLAGS)0x40000000));
            Assert.Throws<JsonSerializationException>(() => JsonConvert.DeserializeObject<PROPDESC_TYPE_FLAGS>("1073741824"));
            Assert.Equal("\"PDTF_ISGROUP\"", JsonConvert.SerializeObject(PROPDESC_TYPE_FLAGS.PDTF_ISGROUP));
        }

        [Fact]
        public void Writes_the_same_text_as_the_System_Text_Json_converter()
        {
            foreach (TAPI_EVENT value in new[] { TAPI_EVENT.TE_AGENT, TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_PHONEEVENT, (TAPI_EVENT)0, (TAPI_EVENT)int.MinValue })
            {
                Assert.Equal(System.Text.Json.JsonSerializer.Serialize(value), JsonConvert.SerializeObject(value));
            }

            foreach (CALL_STATE value in new[] { CALL_STATE.CS_IDLE, CALL_STATE.CS_LASTITEM, (CALL_STATE)(-3) })
            {
                Assert.Equal(System.Text.Json.JsonSerializer.Serialize(value), JsonConvert.SerializeObject(value));
            }
        }

        /// <summary>Newtonsoft writes dictionary keys with its own enum naming, not converters: keys stay the member names.</summary>
        [Fact]
        public void Dictionary_keys_are_Newtonsofts_own()
        {
            var keys = new Dictionary<CALL_STATE, int> { [CALL_STATE.CS_CONNECTED] = 1 };
            Assert.Equal("{\"CS_CONNECTED\":1}", JsonConvert.SerializeObject(keys));
            Assert.Equal("{\"csConnected\":1}", System.Text.Json.JsonSerializer.Serialize(keys));
        }
    }
}
