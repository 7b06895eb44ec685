namespace Telephony.Runtime;

/// <summary>Marker for every grain interface.</summary>
public interface IGrain;

/// <summary>A grain interface whose grains are identified by a string key, as in Orleans.</summary>
public interface IGrainWithStringKey : IGrain;
