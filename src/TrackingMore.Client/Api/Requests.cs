using System;
using System.Collections.Generic;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>
    /// What both creating a tracking and asking the carrier in real time may send besides the number: the details
    /// some carriers need to find the shipment, the order time and the language of the events. Unset fields are not sent.
    /// </summary>
    public abstract class ShipmentDetails : TrackingIdentity
    {
        protected ShipmentDetails(string trackingNumber, string carrierCode) : base(trackingNumber, carrierCode)
        {
        }

        public string? DestinationCode { get; set; }

        /// <summary>The day the shipment left (a day: the time of day is not sent).</summary>
        public DateTime? ShipDate { get; set; }

        public string? PostalCode { get; set; }
        public string? AccountNumber { get; set; }

        /// <summary>When the order was placed, on the shop's clock, to the minute.</summary>
        public DateTime? OrderCreateTime { get; set; }

        public string? Language { get; set; }
    }

    /// <summary>A tracking to create (alone or as one item of a bulk creation). Unset fields are not sent.</summary>
    public sealed class NewTrackingRequest : ShipmentDetails
    {
        public NewTrackingRequest(string trackingNumber, string carrierCode) : base(trackingNumber, carrierCode)
        {
        }

        public string? Title { get; set; }
        public string? LogisticsChannel { get; set; }
        public string? CustomerName { get; set; }
        public string? CustomerEmail { get; set; }
        public string? CustomerPhone { get; set; }
        public string? OrderId { get; set; }
        public string? DestinationCountry { get; set; }

        /// <summary>1 tells the service never to re-guess the carrier.</summary>
        public int? AutoCorrect { get; set; }

        public string? Comment { get; set; }
    }

    /// <summary>The statuses a user may set by hand on a tracking (each version's dialect sends its own number for them).</summary>
    public enum TrackingStatusChange
    {
        Delivered = 1,
        Exception = 2,

        /// <summary>Back to the status the carrier's checkpoints give.</summary>
        Restore = 3,
    }

    /// <summary>
    /// What changes on a tracking (alone or as one item of a bulk change): the identity says which. Unset fields
    /// are not sent.
    /// </summary>
    public sealed class TrackingUpdateRequest : TrackingIdentity
    {
        public TrackingUpdateRequest(string trackingNumber, string carrierCode) : base(trackingNumber, carrierCode)
        {
        }

        public string? Title { get; set; }
        public string? LogisticsChannel { get; set; }
        public string? CustomerName { get; set; }
        public string? CustomerEmail { get; set; }
        public string? CustomerPhone { get; set; }
        public string? OrderId { get; set; }
        public string? DestinationCode { get; set; }

        /// <summary>Archive (true) or bring back (false).</summary>
        public bool? Archived { get; set; }

                public TrackingStatusChange? Status { get; set; }
    }

    /// <summary>A tracking, and the carrier it moves to.</summary>
    public sealed class CarrierChangeRequest : TrackingIdentity
    {
        public CarrierChangeRequest(string trackingNumber, string carrierCode, string newCarrierCode) : base(trackingNumber, carrierCode) =>
            NewCarrierCode = newCarrierCode;

        public string NewCarrierCode { get; }
    }

    /// <summary>A tracking to ask the carrier about now. Unset fields are not sent.</summary>
    public sealed class RealtimeTrackingRequest : ShipmentDetails
    {
        public RealtimeTrackingRequest(string trackingNumber, string carrierCode) : base(trackingNumber, carrierCode)
        {
        }

        /// <summary>The destination country some carriers need for special numbers.</summary>
        public string? SpecialNumberDestination { get; set; }

        /// <summary>The order number.</summary>
        public string? Order { get; set; }
    }


    /// <summary>One place to check for remote-area surcharges: a country (name or ISO code), a postal code or city, and optionally a carrier.</summary>
    public sealed class RemoteAreaRequest
    {
        public RemoteAreaRequest(string country, string postalCode, string? carrier)
        {
            Country = country;
            PostalCode = postalCode;
            Carrier = carrier;
        }

        public string Country { get; }
        public string PostalCode { get; }
        public string? Carrier { get; }

        public override string ToString() => PostalCode + " " + Country + (Carrier == null ? string.Empty : " (" + Carrier + ")");
    }

    /// <summary>One route to ask the transit time of: a carrier between two countries given by ISO code.</summary>
    public sealed class TransitTimeRequest
    {
        public TransitTimeRequest(string carrierCode, string origin, string destination)
        {
            CarrierCode = carrierCode;
            Origin = origin;
            Destination = destination;
        }

        public string CarrierCode { get; }
        public string Origin { get; }
        public string Destination { get; }

        public override string ToString() => CarrierCode + " " + Origin + "->" + Destination;
    }

}
