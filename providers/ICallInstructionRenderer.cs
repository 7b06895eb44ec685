using Telephony.GrainInterfaces.Calls;

namespace Telephony.Providers;

/// <summary>Writes call instructions in a provider's markup (TwiML, BXML) for a voice webhook response.</summary>
public interface ICallInstructionRenderer
{
    /// <summary>The response's content type.</summary>
    string ContentType { get; }

    /// <summary>The markup document for <paramref name="instructions"/>, in order.</summary>
    string Render(IReadOnlyList<CallInstruction> instructions);
}
