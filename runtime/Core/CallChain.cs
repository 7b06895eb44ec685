namespace Telephony.Runtime.Core;

/// <summary>
/// The grain turns a call is nested in, innermost first. A call into an activation that is still
/// in one of these turns would wait on itself.
/// </summary>
internal sealed class CallChain(Activation activation, int turn, CallChain? parent)
{
    public Activation Activation { get; } = activation;

    public int Turn { get; } = turn;

    public CallChain? Parent { get; } = parent;

    /// <summary>True when <paramref name="target"/> is on this chain and still in the same turn, so it is waiting for this call.</summary>
    public bool IsWaitingOn(Activation target)
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            if (ReferenceEquals(node.Activation, target) && target.CurrentTurn == node.Turn)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The chain as text, outermost first, ending at <paramref name="target"/>.</summary>
    public string Describe(Activation target)
    {
        var names = new List<string> { target.Id.ToString() };
        for (var node = this; node is not null; node = node.Parent)
        {
            names.Add(node.Activation.Id.ToString());
        }

        names.Reverse();
        return string.Join(" -> ", names);
    }
}
