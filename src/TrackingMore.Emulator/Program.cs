// placeholder: the emulator is being written
Console.WriteLine("emulator not yet written");
