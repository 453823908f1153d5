namespace Ordering.Application;

/// <summary>An order that cannot be placed as asked; the Web host answers 400 with <see cref="Exception.Message"/>.</summary>
public sealed class OrderRejectedException(string message) : Exception(message);
