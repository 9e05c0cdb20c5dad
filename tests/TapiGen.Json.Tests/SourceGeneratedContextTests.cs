using System.Collections.Generic;
using System.Text.Json.Serialization;
using TapiGen.Json.Aot;
using Xunit;

namespace TapiGen.Json.Tests
{
    /// <summary>A record holding generated enums every way a model would.</summary>
    public sealed record Call(TAPI_EVENT Event, AGENT_SESSION_EVENT? Session, CALL_STATE[] States, Dictionary<CALL_STATE, int> Counts, PROPDESC_TYPE_FLAGS Flags);

    /// <summary>
    /// System.Text.Json's source generator, as Native AOT needs it: it sees the enums (compiled in TapiGen.Json.Aot)
    /// carry [JsonConverter] and instantiates the generated converter directly, with no reflection.
    /// </summary>
    [JsonSerializable(typeof(Call))]
    internal sealed partial class CallContext : JsonSerializerContext
    {
    }

    public class SourceGeneratedContextTests
    {
        [Fact]
        public void A_record_round_trips_through_source_generated_metadata()
        {
            var call = new Call(
                TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_CALLSTATE,
                null,
                new[] { CALL_STATE.CS_CONNECTED, CALL_STATE.CS_LASTITEM },
                new Dictionary<CALL_STATE, int> { [CALL_STATE.CS_IDLE] = 1, [(CALL_STATE)99] = 2 },
                PROPDESC_TYPE_FLAGS.PDTF_ISGROUP | PROPDESC_TYPE_FLAGS.PDTF_ISINNATE);

            string json = System.Text.Json.JsonSerializer.Serialize(call, CallContext.Default.Call);
            Assert.Equal(
                "{\"Event\":\"TE_ADDRESS, TE_CALLSTATE\",\"Session\":null,\"States\":[\"CS_CONNECTED\",\"CS_QUEUED\"],"
                + "\"Counts\":{\"CS_IDLE\":1,\"99\":2},\"Flags\":\"PDTF_ISINNATE, PDTF_ISGROUP\"}",
                json);
            Call back = System.Text.Json.JsonSerializer.Deserialize(json, CallContext.Default.Call)!;
            Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, CallContext.Default.Call));
        }

        [Fact]
        public void The_context_uses_the_generated_converter()
        {
            Assert.IsType<TAPI_EVENTJsonConverter>(CallContext.Default.GetTypeInfo(typeof(TAPI_EVENT))!.Converter);
        }

        [Fact]
        public void The_AOT_library_serializes_through_type_info_built_from_the_converter()
        {
            Assert.Equal("\"TE_ADDRESS, TE_CALLSTATE\"", AotJson.Write(TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_CALLSTATE));
            Assert.Equal(TAPI_EVENT.TE_AGENT, AotJson.ReadTapiEvent("\"TE_AGENT\""));
            Assert.Equal("\"ASE_END\"", AotJson.Write(AGENT_SESSION_EVENT.ASE_END));
            Assert.Equal(AGENT_SESSION_EVENT.ASE_BUSY, AotJson.ReadAgentSessionEvent("3"));
        }
    }
}
