namespace Telephony.Runtime.Core;

/// <summary>Which activation the current code runs in; flows with the execution context of its turns.</summary>
internal static class RuntimeContext
{
    private static readonly AsyncLocal<Activation?> CurrentActivation = new();

    public static Activation? Current => CurrentActivation.Value;

    public static void Set(Activation? activation) => CurrentActivation.Value = activation;
}
