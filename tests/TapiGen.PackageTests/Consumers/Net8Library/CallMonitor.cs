using Contoso.Net8Library.Phone;

namespace Contoso.Net8Library
{
    /// <summary>Public API over the internal generated enums.</summary>
    public static class CallMonitor
    {
        /// <summary>Whether a TAPI call state (CALL_STATE as a number) is a call in progress.</summary>
        /// <param name="state">The call state.</param>
        /// <returns>True for in-progress, connected and on-hold calls.</returns>
        public static bool IsActive(int state)
            => (CALL_STATE)state is CALL_STATE.CS_INPROGRESS or CALL_STATE.CS_CONNECTED or CALL_STATE.CS_HOLD;

        /// <summary>The lamp modes that show a call waiting.</summary>
        /// <returns>A PHONE_LAMP_MODE mask.</returns>
        public static int WaitingLamps() => (int)(PHONE_LAMP_MODE.LM_WINK | PHONE_LAMP_MODE.LM_FLASH);
    }
}
