using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Contoso.Telephony;

namespace Contoso.TaskApp
{
    /// <summary>One event of a call log: TapiGen enums in a type System.Text.Json's source generator serializes.</summary>
    public sealed class CallEvent
    {
        /// <summary>The call's new state.</summary>
        public CALL_STATE State { get; set; }

        /// <summary>The agent's session event, when there is one.</summary>
        public AGENT_SESSION_EVENT? Session { get; set; }
    }

    /// <summary>The source-generated context, in the same project as the TapiEnum items.</summary>
    [JsonSerializable(typeof(CallEvent))]
    internal sealed partial class CallJson : JsonSerializerContext
    {
    }

    /// <summary>Writes and reads a CallEvent through the generated context; exits with 1 on any mismatch.</summary>
    public static class Program
    {
        private static readonly List<string> s_mismatches = new List<string>();

        /// <summary>Prints one line per check and "OK" or the mismatches.</summary>
        /// <returns>0 when every check holds, else 1.</returns>
        public static int Main()
        {
            var call = new CallEvent { State = CALL_STATE.CS_CONNECTED, Session = AGENT_SESSION_EVENT.ASE_READY };
            string json = JsonSerializer.Serialize(call, CallJson.Default.CallEvent);
            Check("written", "{\"State\":\"CS_CONNECTED\",\"Session\":\"ASE_READY\"}", json);

            CallEvent? read = JsonSerializer.Deserialize("{\"State\":\"CS_HOLD\",\"Session\":null}", CallJson.Default.CallEvent);
            Check("read", "CS_HOLD/", read is null ? "null" : read.State.ToStringFast() + "/" + read.Session?.ToStringFast());

            // The context's metadata for the enum property uses TapiGen's converter (the enum's [JsonConverter]).
            try
            {
                JsonSerializer.Deserialize("{\"State\":\"CS_NOPE\"}", CallJson.Default.CallEvent);
                Check("bad name", "JsonException", "no exception");
            }
            catch (JsonException e)
            {
                Check("bad name", "True", e.Message.Contains("CALL_STATE").ToString());
            }

            Console.WriteLine(s_mismatches.Count == 0 ? "OK" : "MISMATCH: " + string.Join("; ", s_mismatches));
            return s_mismatches.Count == 0 ? 0 : 1;
        }

        private static void Check(string what, string expected, string? actual)
        {
            Console.WriteLine(what + ": " + actual);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                s_mismatches.Add(what + " is '" + actual + "', expected '" + expected + "'");
            }
        }
    }
}
