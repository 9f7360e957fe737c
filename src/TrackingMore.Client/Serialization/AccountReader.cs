using System.Text.Json;
using TrackingMore.Models;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Serialization
{
    /// <summary>Reads the account endpoints: getuserinfo and getstatusnumber. Unknown fields are kept.</summary>
    internal static class AccountReader
    {
        public static TrackingAccount ReadAccount(JsonElement data)
        {
            var account = new TrackingAccount();
            if (data.ValueKind != JsonValueKind.Object) return account;
            foreach (var field in data.EnumerateObject())
            {
                var value = field.Value;
                switch (field.Name)
                {
                    case "email": account.Email = AsUserText(value); break;
                    case "regtime": account.RegisteredAt = ApiDates.FromUnixText(AsString(value)); break;
                    case "phone": account.Phone = AsUserText(value); break;
                    case "money": account.Balance = AsDecimal(value); break;
                    case "track_number": account.QuotaLeft = AsInt64(value); break;
                    default: account.AdditionalProperties[ServerText(field.Name)!] = AsPlainValue(value); break;
                }
            }
            return account;
        }

        public static TrackingStatusCount ReadStatusCount(JsonElement data)
        {
            var count = new TrackingStatusCount();
            if (data.ValueKind != JsonValueKind.Object) return count;
            foreach (var field in data.EnumerateObject())
            {
                var value = AsInt32(field.Value) ?? 0;
                // The docs spell "not found" with a space elsewhere; TrackingStatusText.Parse accepts both.
                switch (TrackingStatusText.Parse(field.Name))
                {
                    case TrackingStatus.Pending: count.Pending = value; break;
                    case TrackingStatus.NotFound: count.NotFound = value; break;
                    case TrackingStatus.Transit: count.Transit = value; break;
                    case TrackingStatus.Pickup: count.Pickup = value; break;
                    case TrackingStatus.Delivered: count.Delivered = value; break;
                    case TrackingStatus.Undelivered: count.Undelivered = value; break;
                    case TrackingStatus.Exception: count.Exception = value; break;
                    case TrackingStatus.Expired: count.Expired = value; break;
                    default: count.AdditionalProperties[ServerText(field.Name)!] = AsPlainValue(field.Value); break;
                }
            }
            return count;
        }
    }
}
