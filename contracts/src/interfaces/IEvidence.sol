// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IArbitrator} from "./IArbitrator.sol";

/// @title IEvidence
/// @notice ERC-1497 evidence standard: meta-evidence describes what a dispute is about and what
/// its rulings mean; evidence documents are linked to an evidence group; a dispute is linked to
/// its meta-evidence and evidence group.
interface IEvidence {
    /// @notice Meta-evidence `_metaEvidenceID` lives at `_evidence` (a URI to a JSON document).
    event MetaEvidence(uint256 indexed _metaEvidenceID, string _evidence);
    /// @notice `_party` submitted the evidence at `_evidence` to group `_evidenceGroupID` of `_arbitrator`.
    event Evidence(
        IArbitrator indexed _arbitrator, uint256 indexed _evidenceGroupID, address indexed _party, string _evidence
    );
    /// @notice Dispute `_disputeID` of `_arbitrator` uses meta-evidence `_metaEvidenceID` and evidence group `_evidenceGroupID`.
    event Dispute(
        IArbitrator indexed _arbitrator, uint256 indexed _disputeID, uint256 _metaEvidenceID, uint256 _evidenceGroupID
    );
}
