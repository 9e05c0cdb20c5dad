using System;
using Contoso.NetStandardLibrary;
using Contoso.Tapi;

// The library's public enums and API work without TapiGen in this project.
Console.WriteLine(Devices.CanCall(ADDRESS_STATE.AS_INSERVICE) && Devices.DeskPhone != 0 ? "OK" : "MISMATCH");
